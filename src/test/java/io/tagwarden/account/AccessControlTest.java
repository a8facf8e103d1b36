package io.tagwarden.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles on the JSON API: reviewers read and never change; editors change containers but not users. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApiTokenRepository tokens;

    TestApi admin;
    TestApi editor;
    TestApi reviewer;
    String containerId;
    long tagId;

    @BeforeAll
    void users() {
        admin = TestApi.admin(server.getURI());
        editor = admin.createUser("eddie", "editor");
        reviewer = admin.createUser("rita", "reviewer");
        containerId = editor.createContainer("Editor's");
        tagId = editor.createTag(containerId, TestApi.metaPurchaseTag());
        editor.publish(containerId, "first");
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        HttpResponse<byte[]> r = admin.anonymous().get("/api/containers");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(admin.anonymous().send("POST", "/api/containers", "{\"name\": \"x\"}").statusCode()).isEqualTo(401);
        assertThat(admin.anonymous().get("/c/" + containerId + ".js").statusCode()).as("scripts stay public").isEqualTo(200);
    }

    @Test
    void aReviewerReadsEverything() {
        assertThat(reviewer.get("/api/containers").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/containers/" + containerId + "/tags/" + tagId).statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/containers/" + containerId + "/versions/1").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/containers/" + containerId + "/export").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/containers/" + containerId + "/events").statusCode()).isEqualTo(200);
    }

    @Test
    void aReviewerIsRefusedEveryChangeWith403AndNothingChanges() {
        String tagPath = "/api/containers/" + containerId + "/tags/" + tagId;
        Map<String, String> attempts = Map.of(
                "POST /api/containers", "{\"name\": \"x\"}",
                "PUT /api/containers/" + containerId, "{\"name\": \"renamed\"}",
                "DELETE /api/containers/" + containerId, "",
                "POST /api/containers/" + containerId + "/tags", TestApi.metaPurchaseTag(),
                "PUT " + tagPath, TestApi.metaPurchaseTag(),
                "DELETE " + tagPath, "",
                "POST /api/containers/" + containerId + "/versions", "{}",
                "POST /api/containers/" + containerId + "/versions/1/rollback", "{}",
                "POST /api/containers/import", "{\"format\": \"tagwarden.container/1\", \"container\": {\"name\": \"x\"}, \"tags\": []}",
                "POST /api/users", "{\"username\": \"mallory\", \"role\": \"admin\", \"password\": \"long-enough-password\"}");
        attempts.forEach((call, body) -> {
            String[] parts = call.split(" ", 2);
            assertThat(reviewer.send(parts[0], parts[1], body.isEmpty() ? null : body).statusCode()).as(call).isEqualTo(403);
        });
        assertThat(reviewer.send("POST", "/api/containers/" + containerId + "/ingest-key", null).statusCode()).isEqualTo(403);
        assertThat(reviewer.send("DELETE", "/api/containers/" + containerId + "/ingest-key", null).statusCode()).isEqualTo(403);
        assertThat(reviewer.map(reviewer.get("/api/containers/" + containerId))).containsEntry("name", "Editor's");
        assertThat(reviewer.list(reviewer.get("/api/containers/" + containerId + "/versions"))).hasSize(1);
    }

    @Test
    void anEditorCannotManageUsers() {
        assertThat(editor.get("/api/users").statusCode()).isEqualTo(403);
        assertThat(editor.send("POST", "/api/users", "{\"username\": \"x-user\", \"role\": \"admin\", \"password\": \"long-enough-password\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        HttpResponse<byte[]> r = admin.anonymous().send("POST", "/api/tokens",
                "{\"username\": \"admin\", \"password\": \"wrong\", \"name\": \"x\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(admin.anonymous().send("POST", "/api/tokens",
                "{\"username\": \"nobody\", \"password\": \"wrong\", \"name\": \"x\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredHashedAndRevocable() {
        TestApi signedIn = admin.signIn("eddie", "password-of-eddie");
        Map<String, Object> issued = signedIn.expect(201, "POST", "/api/me/tokens", "{\"name\": \"ci\"}");
        String raw = (String) issued.get("token");
        assertThat(raw).startsWith("tw_");
        assertThat(tokens.findAll()).noneMatch(t -> t.tokenHash().equals(raw) || raw.startsWith(t.tokenHash()));
        assertThat(signedIn.list(signedIn.get("/api/me/tokens"))).isNotEmpty();
        signedIn.send("DELETE", "/api/me/tokens/" + issued.get("id"), null);
        assertThat(signedIn.list(signedIn.get("/api/me/tokens"))).noneMatch(t -> ((Map<?, ?>) t).get("id").equals(issued.get("id")));
    }

    @Test
    void aDeactivatedUsersTokensStopWorking() {
        TestApi temp = admin.createUser("temp-user", "editor");
        assertThat(temp.get("/api/containers").statusCode()).isEqualTo(200);
        long id = ((Number) admin.list(admin.get("/api/users")).stream().map(u -> (Map<?, ?>) u)
                .filter(u -> u.get("username").equals("temp-user")).findFirst().orElseThrow().get("id")).longValue();
        admin.expect(200, "POST", "/api/users/" + id + "/deactivate", "{}");
        assertThat(temp.get("/api/containers").statusCode()).isEqualTo(401);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        long adminId = ((Number) admin.list(admin.get("/api/users")).stream().map(u -> (Map<?, ?>) u)
                .filter(u -> u.get("username").equals("admin")).findFirst().orElseThrow().get("id")).longValue();
        assertThat(admin.send("POST", "/api/users/" + adminId + "/deactivate", "{}").statusCode()).isEqualTo(409);
        assertThat(admin.send("PUT", "/api/users/" + adminId + "/role", "{\"role\": \"editor\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void badUserInputNamesTheField() {
        HttpResponse<byte[]> r = admin.send("POST", "/api/users", "{\"username\": \"A B\", \"role\": \"boss\", \"password\": \"short\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).contains("username").contains("role").contains("password");
        assertThat(admin.send("POST", "/api/users", "{\"username\": \"eddie\", \"role\": \"editor\", \"password\": \"long-enough-password\"}")
                .statusCode()).as("taken").isEqualTo(400);
    }
}
