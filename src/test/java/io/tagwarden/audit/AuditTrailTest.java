package io.tagwarden.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry for every kind of change, with who and before/after; nothing can alter the trail through the app. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    @Inject
    EmbeddedServer server;

    TestApi admin;
    TestApi editor;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
        editor = admin.createUser("edna", "editor");
        admin.createUser("revo", "reviewer");
    }

    List<Map<String, Object>> entries(String query) {
        return admin.maps(admin.get("/api/audit?" + query));
    }

    @Test
    void everyChangeToAContainerItsTagsVersionsKeysAndEventsIsRecordedWithWhoAndBeforeAndAfter() throws Exception {
        String id = (String) editor.expect(201, "POST", "/api/containers", "{\"name\": \"Audited\"}").get("id");
        editor.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Audited\", \"consentMode\": \"opt_out\", \"cmpWaitMs\": 200}");
        long tag = editor.createTag(id, TestApi.metaPurchaseTag());
        editor.expect(200, "PUT", "/api/containers/" + id + "/tags/" + tag, TestApi.metaPurchaseTag().replace("\"event\": \"Purchase\",", "\"event\": \"Purchase\", \"consentCategory\": \"analytics\","));
        editor.publish(id, "first");
        editor.expect(201, "POST", "/api/containers/" + id + "/versions/1/rollback", "{}");
        Map<String, Object> key = editor.expect(201, "POST", "/api/containers/" + id + "/ingest-key", null);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/collect")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"container\": \"" + id + "\", \"event\": \"Lead\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        editor.expect(200, "POST", "/api/containers/" + id + "/events/erasure", "{\"email\": \"jane@example.com\"}");
        assertThat(editor.send("DELETE", "/api/containers/" + id + "/tags/" + tag, null).statusCode()).isEqualTo(204);
        assertThat(editor.send("DELETE", "/api/containers/" + id, null).statusCode()).isEqualTo(204);

        List<Map<String, Object>> trail = entries("container=" + id);
        assertThat(trail).extracting(e -> e.get("kind")).containsExactly("container.deleted", "tag.deleted", "events.erased",
                "ingest_key.issued", "version.rolled_back", "version.published", "tag.updated", "tag.created", "container.updated",
                "container.created");
        assertThat(trail).allSatisfy(e -> assertThat(e).containsEntry("actor", "edna"));
        Map<String, Object> policy = trail.get(8);
        assertThat((String) policy.get("beforeJson")).contains("\"consentMode\":\"opt_in\"").contains("\"cmpWaitMs\":500");
        assertThat((String) policy.get("afterJson")).contains("\"consentMode\":\"opt_out\"").contains("\"cmpWaitMs\":200");
        Map<String, Object> moved = trail.get(6);
        assertThat((String) moved.get("beforeJson")).contains("\"consentCategory\":\"marketing\"");
        assertThat((String) moved.get("afterJson")).contains("\"consentCategory\":\"analytics\"");
        assertThat(trail.toString()).as("a secret never enters the trail").doesNotContain((String) key.get("key"))
                .doesNotContain("jane@example.com");
        assertThat((String) trail.get(3).get("subject")).contains(((String) key.get("key")).substring(0, 10));
    }

    @Test
    void usersRolesPasswordsAndTokensAreRecordedWithoutSecrets() {
        Map<String, Object> created = admin.expect(201, "POST", "/api/users",
                "{\"username\": \"temp\", \"role\": \"editor\", \"password\": \"a-long-enough-password\"}");
        Object userId = created.get("id");
        admin.expect(200, "PUT", "/api/users/" + userId + "/role", "{\"role\": \"reviewer\"}");
        assertThat(admin.send("POST", "/api/users/" + userId + "/password", "{\"password\": \"another-long-password\"}").statusCode()).isBetween(200, 204);
        assertThat(admin.send("POST", "/api/users/" + userId + "/deactivate", null).statusCode()).isBetween(200, 204);
        List<Map<String, Object>> trail = entries("kind=").stream().filter(e -> String.valueOf(e.get("subject")).equals("user temp")).toList();
        assertThat(trail).extracting(e -> e.get("kind")).containsExactly("user.deactivated", "user.password_set", "user.role_changed", "user.created");
        assertThat(trail.toString()).doesNotContain("a-long-enough-password").doesNotContain("another-long-password").doesNotContain("$argon2");
        assertThat(entries("kind=user.role_changed&user=admin")).isNotEmpty();
        assertThat(entries("kind=api_token.issued")).isNotEmpty();
    }

    @Test
    void noRouteAndNoRepositoryMethodCanChangeOrDeleteAnEntry() {
        admin.createContainer("Something to audit");
        Map<String, Object> first = entries("limit=1").get(0);
        Object id = first.get("id");
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            HttpResponse<byte[]> r = admin.send(method, "/api/audit/" + id, method.equals("DELETE") ? null : "{\"subject\": \"x\"}");
            assertThat(r.statusCode()).as(method).isIn(404, 405);
            assertThat(admin.send(method, "/api/audit", method.equals("DELETE") ? null : "{}").statusCode()).as(method + " /api/audit").isIn(404, 405);
        }
        assertThat(entries("limit=10000")).anySatisfy(e -> assertThat(e).isEqualTo(first));
        List<String> methods = Arrays.stream(AuditRepository.class.getMethods()).map(Method::getName).toList();
        assertThat(methods).noneMatch(m -> m.startsWith("update") || m.startsWith("delete") || m.startsWith("remove"));
        assertThat(admin.map(admin.get("/api/audit/verify"))).containsEntry("intact", true);
    }

    @Test
    void theTrailExportsAsCsvAndReviewersReadItAndVerifyItInTheAdminApp() {
        admin.expect(201, "POST", "/api/containers", "{\"name\": \"=HYPERLINK(\\\"http://evil\\\")\"}");
        HttpResponse<byte[]> csv = admin.get("/api/audit?format=csv&kind=container.created");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,at,actor,kind,container,subject,before,after,prev_hash,hash\r\n").contains("\"container.created\"");

        BrowserlessSession reviewer = new BrowserlessSession(server.getURI());
        reviewer.signIn("revo", "password-of-revo");
        String page = reviewer.get("/audit?verify=true").body();
        assertThat(page).contains("The chain is intact").contains("container.created").contains("Export CSV")
                .contains("=HYPERLINK(&quot;http://evil&quot;)");
        assertThat(reviewer.get("/audit?from=yesterday").statusCode()).isEqualTo(400);
    }
}
