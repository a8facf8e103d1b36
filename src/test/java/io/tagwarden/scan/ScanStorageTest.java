package io.tagwarden.scan;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scan reports are stored with their version and read back whole, listed newest first, exported (H2 here, PostgreSQL in the subclass). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanStorageTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ScanRepository repository;
    @Inject
    ObjectMapper json;

    @Test
    void aStoredReportIsListedWithItsVersionAndReadBackWhole() throws Exception {
        TestApi admin = TestApi.admin(server.getURI());
        String id = admin.createContainer("Stored");
        admin.createTag(id, TestApi.metaPurchaseTag());
        admin.publish(id, "one");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScanReport report = new ScanReport(id, 1, "https://shop.example/", false, "admin", at, at.plusSeconds(30), false, List.of(
                new ScanReport.State("no_choice", "No choice yet", false,
                        List.of(new ScanReport.Finding("www.facebook.com", "1 request", false, "declared by “Meta purchase” (marketing), not granted")),
                        List.of(new ScanReport.Finding("=cmd|' /C calc'!A0", "shop.example", false, "undeclared")), List.of("a note"))));
        for (int i = 0; i < 2; i++) {
            repository.save(new ScanRecord(null, id, 1, report.url(), false, "admin", at, at.plusSeconds(30), false, 0, 1, json.writeValueAsString(report)));
        }

        List<Map<String, Object>> listed = admin.maps(admin.get("/api/containers/" + id + "/versions/1/scans"));
        assertThat(listed).hasSize(2);
        assertThat(((Number) listed.get(0).get("id")).longValue()).isGreaterThan(((Number) listed.get(1).get("id")).longValue());
        assertThat(listed.get(0)).containsEntry("url", "https://shop.example/").containsEntry("statesFailed", 1).containsEntry("passed", false);
        long scanId = ((Number) listed.get(0).get("id")).longValue();
        Map<String, Object> one = admin.map(admin.get("/api/containers/" + id + "/versions/1/scans/" + scanId));
        assertThat(one.get("report").toString()).contains("www.facebook.com").contains("a note");
        assertThat(admin.get("/api/containers/" + id + "/versions/2/scans/" + scanId).statusCode()).as("another version").isEqualTo(404);
        String csv = new String(admin.get("/api/containers/" + id + "/versions/1/scans/" + scanId + "?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=cmd|' /C calc'!A0\"").as("formula-like cells are defused");
    }
}
