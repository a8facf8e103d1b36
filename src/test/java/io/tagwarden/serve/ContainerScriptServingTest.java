package io.tagwarden.serve;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
public class ContainerScriptServingTest {

    @Inject
    EmbeddedServer server;
    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.admin(server.getURI());
    }

    @Test
    void servesTheLatestPublishedVersionAsJavaScriptWithAStrongEtag() {
        String id = publishedContainer();
        HttpResponse<byte[]> r = api.get("/c/" + id + ".js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(r.body())).startsWith("(function(){").contains("connect.facebook.net");
    }

    @Test
    void answers304WhenTheEtagMatches() {
        String id = publishedContainer();
        String etag = api.get("/c/" + id + ".js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = api.get("/c/" + id + ".js", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(api.get("/c/" + id + ".js", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void sendsThePrecomputedGzipWhenAccepted() throws Exception {
        String id = publishedContainer();
        byte[] plain = api.get("/c/" + id + ".js").body();
        HttpResponse<byte[]> r = api.get("/c/" + id + ".js", "Accept-Encoding", "gzip, deflate, br");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(api.get("/c/" + id + ".js", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void servesAPinnedVersionImmutablyWithItsSri() throws Exception {
        String id = publishedContainer();
        Map<String, Object> v1 = api.publish(id, "one more");
        HttpResponse<byte[]> r = api.get("/c/" + id + "@" + v1.get("number") + ".js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String sri = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(r.body()));
        assertThat(v1.get("sri")).isEqualTo(sri);
        assertThat(r.headers().firstValue("X-Integrity")).hasValue(sri);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void aNewPublishIsServedAtOnceAndRollbackRestoresTheOldBytes() {
        String id = publishedContainer();
        byte[] first = api.get("/c/" + id + ".js").body();
        api.createTag(id, TestApi.googlePageViewTag());
        Map<String, Object> second = api.publish(id, "add google");
        byte[] secondBytes = api.get("/c/" + id + ".js").body();
        assertThat(new String(secondBytes)).contains("googletagmanager");
        assertThat(api.get("/c/" + id + ".js").headers().firstValue("X-Tagwarden-Version")).hasValue(second.get("number").toString());

        Map<String, Object> rolledBack = api.expect(201, "POST", "/api/containers/" + id + "/versions/1/rollback", "{\"note\": \"oops\"}");
        assertThat(rolledBack).containsEntry("number", 3).containsEntry("rollbackOf", 1).containsEntry("note", "oops");
        assertThat(api.get("/c/" + id + ".js").body()).isEqualTo(first);
        assertThat(api.get("/c/" + id + "@2.js").body()).isEqualTo(secondBytes);
    }

    @Test
    void unknownContainersVersionsAndNamesAre404WithAShortReason() {
        HttpResponse<byte[]> unknown = api.get("/c/TW-NOPE2345.js");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body())).isEqualTo("No container TW-NOPE2345.");

        String id = api.createContainer("Unpublished");
        HttpResponse<byte[]> unpublished = api.get("/c/" + id + ".js");
        assertThat(unpublished.statusCode()).isEqualTo(404);
        assertThat(new String(unpublished.body())).contains("nothing published yet");

        String published = publishedContainer();
        assertThat(new String(api.get("/c/" + published + "@99.js").body())).contains("has no version 99");
        assertThat(api.get("/c/not-a-container.js").statusCode()).isEqualTo(404);
    }

    @Test
    void publishReportsCompileTimeAndSizes() {
        String id = api.createContainer("Sizes");
        api.createTag(id, TestApi.metaPurchaseTag());
        Map<String, Object> v = api.publish(id, "first");
        assertThat(v).containsEntry("number", 1).containsEntry("note", "first").containsKeys("compileMillis", "contentHash");
        assertThat(((Number) v.get("sizeGzip")).intValue()).isPositive().isLessThan(((Number) v.get("sizeRaw")).intValue());
        assertThat(v.get("pinnedUrl")).isEqualTo("/c/" + id + "@1.js");
    }

    @Test
    void aPublishedVersionKeepsItsSnapshotWhenTheDraftChanges() {
        String id = publishedContainer();
        api.createTag(id, TestApi.googlePageViewTag());
        Map<String, Object> detail = api.expect(200, "GET", "/api/containers/" + id + "/versions/1", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) detail.get("snapshot");
        assertThat((java.util.List<?>) snapshot.get("tags")).hasSize(1);
        assertThat(api.get("/api/containers/" + id + "/versions/7").statusCode()).isEqualTo(404);
    }

    private String publishedContainer() {
        String id = api.createContainer("Served");
        api.createTag(id, TestApi.metaPurchaseTag());
        api.publish(id, "first");
        return id;
    }
}
