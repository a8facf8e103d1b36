package io.tagwarden.collect;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention per container, and data subject erasure by visitor id or email, through the API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyOperationsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    PrivacyOperations privacy;

    @Inject
    DataSource dataSource;

    TestApi admin;
    CollectClient client;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
        client = new CollectClient(server.getURI());
    }

    @Test
    void eventsOlderThanTheirContainersRetentionArePurgedAndNewerOnesStay() throws SQLException {
        String shortLived = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Short\", \"collection\": {\"retentionDays\": 30}}").get("id");
        String longLived = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Long\", \"collection\": {\"retentionDays\": 400}}").get("id");
        for (String id : new String[]{shortLived, longLived}) {
            send(id, "old", "{}");
            send(id, "new", "{}");
            age(id, "old", Duration.ofDays(60));
        }
        assertThat(privacy.purgeExpired()).isEqualTo(1);
        assertThat(eventIds(shortLived)).containsExactly("new");
        assertThat(eventIds(longLived)).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void aDataSubjectsEventsAreErasedByVisitorIdOrByEmailAndNoOneElses() {
        String id = admin.createContainer("Erasure");
        String granted = "{\"analytics\": \"granted\", \"marketing\": \"granted\"}";
        HttpResponse<byte[]> first = send(id, "jane-1", granted, "\"user\": {\"email\": \"jane@example.com\"}");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        String visitor = cookie.substring("tw_vid=".length(), cookie.indexOf(';'));
        send(id, "jane-2", granted, "\"user\": {\"email\": \"JANE@example.com \"}");
        send(id, "joe-1", granted, "\"user\": {\"email\": \"joe@example.com\"}");

        Map<String, Object> byEmail = admin.expect(200, "POST", "/api/containers/" + id + "/events/erasure", "{\"email\": \"jane@example.com\"}");
        assertThat(byEmail).containsEntry("erased", 2);
        assertThat(eventIds(id)).containsExactly("joe-1");

        send(id, "jane-3", granted, "\"user\": {\"email\": \"x@example.com\"}", "Cookie", "tw_vid=" + visitor);
        assertThat(admin.expect(200, "POST", "/api/containers/" + id + "/events/erasure", "{\"visitorId\": \"" + visitor + "\"}"))
                .containsEntry("erased", 1);
        assertThat(eventIds(id)).doesNotContain("jane-3");

        assertThat(admin.send("POST", "/api/containers/" + id + "/events/erasure", "{}").statusCode()).isEqualTo(400);
        assertThat(admin.send("POST", "/api/containers/" + id + "/events/erasure", "{\"email\": \"nope\"}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<byte[]> send(String container, String eventId, String consent, String... extraAndHeaders) {
        String extra = extraAndHeaders.length > 0 ? ", " + extraAndHeaders[0] : "";
        String[] headers = extraAndHeaders.length > 1 ? java.util.Arrays.copyOfRange(extraAndHeaders, 1, extraAndHeaders.length) : new String[0];
        HttpResponse<byte[]> r = client.beacon("{\"container\": \"" + container + "\", \"event\": \"Lead\", \"event_id\": \"" + eventId
                + "\", \"consent\": " + consent + extra + "}", headers);
        assertThat(r.statusCode()).as(CollectClient.text(r)).isEqualTo(204);
        return r;
    }

    private java.util.List<Object> eventIds(String container) {
        return admin.maps(admin.get("/api/containers/" + container + "/events")).stream().map(e -> e.get("eventId")).toList();
    }

    private void age(String container, String eventId, Duration by) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("update collected_event set received_at = ? where container_id = ? and event_id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
            s.setString(2, container);
            s.setString(3, eventId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
