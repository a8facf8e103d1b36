package io.tagwarden.approval;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing under the approval rule: loosening needs an approval of exactly that draft; tightening publishes directly. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalApiTest {

    @Inject
    EmbeddedServer server;

    TestApi admin;
    TestApi editor;
    TestApi reviewer;

    @BeforeAll
    void users() {
        admin = TestApi.admin(server.getURI());
        editor = admin.createUser("appr-editor", "editor");
        reviewer = admin.createUser("appr-reviewer", "reviewer");
    }

    String approvingContainer() {
        String id = editor.createContainer("Approvals");
        editor.createTag(id, TestApi.metaPurchaseTag());
        editor.publish(id, "before the rule");
        editor.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Approvals\", \"requireApproval\": true}");
        return id;
    }

    @Test
    void aLooseningPublishIsRefusedUntilAReviewerApprovesThatExactDraft() {
        String id = approvingContainer();
        editor.createTag(id, TestApi.googlePageViewTag());
        var refused = editor.send("POST", "/api/containers/" + id + "/versions", "{\"note\": \"add GA4\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body())).contains("requires a reviewer's approval").contains("added");

        Map<String, Object> request = editor.expect(201, "POST", "/api/containers/" + id + "/approvals", "{\"note\": \"add GA4\"}");
        Object n = request.get("id");
        assertThat(editor.send("POST", "/api/approvals/" + n + "/approve", "{}").statusCode()).as("editors cannot approve").isEqualTo(403);
        assertThat(reviewer.send("POST", "/api/approvals/" + n + "/reject", "{}").statusCode()).as("a rejection needs a comment").isEqualTo(400);
        assertThat(reviewer.map(reviewer.get("/api/approvals/" + n)).get("loosening").toString()).contains("added");
        reviewer.expect(200, "POST", "/api/approvals/" + n + "/approve", "{\"comment\": \"fine\"}");

        // An edit after the approval is not covered by it.
        long extra = editor.createTag(id, TestApi.metaPurchaseTag().replace("Meta purchase", "Meta purchase 2"));
        assertThat(editor.send("POST", "/api/containers/" + id + "/versions", "{}").statusCode()).isEqualTo(409);
        assertThat(editor.send("DELETE", "/api/containers/" + id + "/tags/" + extra, null).statusCode()).isEqualTo(204);
        assertThat(editor.send("POST", "/api/containers/" + id + "/versions", "{\"note\": \"add GA4\"}").statusCode()).isEqualTo(201);
        assertThat(admin.list(admin.get("/api/audit?container=" + id + "&kind=approval.approved"))).hasSize(1);
        assertThat(admin.list(admin.get("/api/audit?container=" + id + "&kind=approval.submitted"))).hasSize(1);
    }

    @Test
    void aTighteningChangePublishesDirectlyAndNeedsNoApproval() {
        String id = approvingContainer();
        long tag = ((Number) ((Map<?, ?>) admin.list(admin.get("/api/containers/" + id + "/tags")).get(0)).get("id")).longValue();
        assertThat(editor.send("DELETE", "/api/containers/" + id + "/tags/" + tag, null).statusCode()).isEqualTo(204);
        assertThat(editor.send("POST", "/api/containers/" + id + "/versions", "{\"note\": \"remove\"}").statusCode()).isEqualTo(201);
        assertThat(editor.send("POST", "/api/containers/" + id + "/approvals", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void aRollbackThatLoosensGatingNeedsApprovalToo() {
        String id = editor.createContainer("Rollback");
        long tag = editor.createTag(id, TestApi.metaPurchaseTag());
        editor.publish(id, "one tag");
        assertThat(editor.send("DELETE", "/api/containers/" + id + "/tags/" + tag, null).statusCode()).isEqualTo(204);
        editor.publish(id, "no tag");
        editor.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Rollback\", \"requireApproval\": true}");
        var refused = editor.send("POST", "/api/containers/" + id + "/versions/1/rollback", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body())).contains("requires a reviewer's approval");
    }

    @Test
    void onlyAnAdminTurnsTheRuleOffAnOmittedFieldKeepsItAndNobodyDecidesTheirOwnRequest() {
        String id = approvingContainer();
        editor.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Renamed\"}");
        assertThat(admin.map(admin.get("/api/containers/" + id))).containsEntry("requireApproval", true);
        var off = editor.send("PUT", "/api/containers/" + id, "{\"name\": \"Renamed\", \"requireApproval\": false}");
        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(new String(off.body())).contains("Only an administrator");

        editor.createTag(id, TestApi.googlePageViewTag());
        Object n = admin.expect(201, "POST", "/api/containers/" + id + "/approvals", "{\"note\": \"mine\"}").get("id");
        var own = admin.send("POST", "/api/approvals/" + n + "/approve", "{}");
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(new String(own.body())).contains("cannot be decided by the person who submitted it");
        admin.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Renamed\", \"requireApproval\": false}");
    }
}
