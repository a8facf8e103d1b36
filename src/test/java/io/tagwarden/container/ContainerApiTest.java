package io.tagwarden.container;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
public class ContainerApiTest {

    @Inject
    EmbeddedServer server;
    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.admin(server.getURI());
    }

    @Test
    void createsAContainerWithAnUnguessablePublicIdAndDefaults() {
        Map<String, Object> created = api.expect(201, "POST", "/api/containers", "{\"name\": \"  Shop  \"}");
        assertThat((String) created.get("id")).matches("TW-[2-9A-HJKMNP-Z]{8}");
        assertThat(created).containsEntry("name", "Shop").containsEntry("consentMode", "opt_in").containsEntry("cmpWaitMs", 500);
        assertThat(api.expect(200, "GET", "/api/containers/" + created.get("id"), null)).containsEntry("name", "Shop");
    }

    @Test
    void updatesAndDeletesAContainer() {
        String id = api.createContainer("Old");
        Map<String, Object> updated = api.expect(200, "PUT", "/api/containers/" + id,
                "{\"name\": \"New\", \"consentMode\": \"opt_out\", \"cmpWaitMs\": 1500, \"allowedOrigins\": [\"https://a.example\", \"http://localhost:3000\"]}");
        assertThat(updated).containsEntry("consentMode", "opt_out").containsEntry("cmpWaitMs", 1500)
                .containsEntry("allowedOrigins", List.of("https://a.example", "http://localhost:3000"));
        assertThat(api.send("DELETE", "/api/containers/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/containers/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void badContainerInputIsA400NamingEachField() {
        HttpResponse<byte[]> r = api.send("POST", "/api/containers",
                "{\"name\": \"\", \"allowedOrigins\": [\"javascript:alert(1)\"], \"cmpWaitMs\": -5}");
        assertThat(r.statusCode()).isEqualTo(400);
        Map<String, Object> body = api.map(r);
        assertThat(fields(body)).contains("name", "cmpWaitMs").anyMatch(f -> f.startsWith("allowedOrigins"));
    }

    @Test
    void anUnknownConsentModeIsA400() {
        HttpResponse<byte[]> r = api.send("POST", "/api/containers", "{\"name\": \"x\", \"consentMode\": \"whatever\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).contains("consentMode");
    }

    @Test
    void tagsAreCreatedListedUpdatedAndDeleted() {
        String id = api.createContainer("Tags");
        long tag = api.createTag(id, TestApi.metaPurchaseTag());
        Map<String, Object> shown = api.expect(200, "GET", "/api/containers/" + id + "/tags/" + tag, null);
        assertThat(shown).containsEntry("vendor", "meta").containsEntry("consentCategory", "marketing").containsEntry("enabled", true);
        api.expect(200, "PUT", "/api/containers/" + id + "/tags/" + tag, TestApi.metaPurchaseTag().replace("Purchase\"", "Lead\""));
        assertThat(api.list(api.get("/api/containers/" + id + "/tags"))).hasSize(1)
                .first().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("event", "Lead");
        assertThat(api.send("DELETE", "/api/containers/" + id + "/tags/" + tag, null).statusCode()).isEqualTo(204);
        assertThat(api.list(api.get("/api/containers/" + id + "/tags"))).isEmpty();
    }

    @Test
    void aBadTagIsA400AndLeavesTheExistingTagUntouched() {
        String id = api.createContainer("Keep");
        long tag = api.createTag(id, TestApi.metaPurchaseTag());
        HttpResponse<byte[]> r = api.send("PUT", "/api/containers/" + id + "/tags/" + tag,
                TestApi.metaPurchaseTag().replace("123456789012345", "abc"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(api.map(r))).containsExactly("settings.pixelId");
        assertThat(api.expect(200, "GET", "/api/containers/" + id + "/tags/" + tag, null).get("settings"))
                .isEqualTo(Map.of("pixelId", "123456789012345"));
    }

    @Test
    void tagsOfUnknownContainersAndUnknownTagsAre404() {
        assertThat(api.send("POST", "/api/containers/TW-NOPE2345/tags", TestApi.metaPurchaseTag()).statusCode()).isEqualTo(404);
        String id = api.createContainer("Empty");
        HttpResponse<byte[]> r = api.get("/api/containers/" + id + "/tags/999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(api.map(r).get("message")).asString().contains("No tag 999999");
    }

    @Test
    void malformedJsonIsA400() {
        assertThat(api.send("POST", "/api/containers", "{\"name\": ").statusCode()).isEqualTo(400);
    }

    @Test
    void vendorCatalogueIsReadable() {
        assertThat(api.list(api.get("/api/vendors"))).hasSizeGreaterThanOrEqualTo(7);
        assertThat(api.expect(200, "GET", "/api/vendors/meta", null)).containsEntry("name", "Meta Pixel");
        assertThat(api.get("/api/vendors/nope").statusCode()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
