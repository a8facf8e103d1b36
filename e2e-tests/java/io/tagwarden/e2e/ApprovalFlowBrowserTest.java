package io.tagwarden.e2e;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.e2e.support.AdminPages;
import io.tagwarden.e2e.support.Browser;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval of a publish that loosens consent gating, in the browser: the editor submits, the reviewer rejects with a
 * comment, the editor fixes the draft and submits again, the reviewer approves, the editor publishes; all of it is in
 * the audit trail.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalFlowBrowserTest {

    @Inject
    EmbeddedServer server;

    Browser browser;
    AdminPages pages;
    TestApi admin;
    TestApi editor;

    @BeforeAll
    void start() throws Exception {
        admin = TestApi.admin(server.getURI());
        editor = admin.createUser("ellen", "editor");
        admin.createUser("ruth", "reviewer");
        browser = new Browser();
        pages = new AdminPages(browser.driver(), server.getURI());
    }

    @AfterAll
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void editorSubmitsReviewerRejectsEditorFixesReviewerApprovesEditorPublishes() {
        String id = editor.createContainer("Reviewed shop");
        editor.createTag(id, TestApi.metaPurchaseTag());
        editor.publish(id, "before the rule");
        editor.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Reviewed shop\", \"requireApproval\": true}");
        long ga4 = editor.createTag(id, TestApi.googlePageViewTag());

        pages.signIn("ellen");
        pages.open("/containers/" + id + "/publish");
        assertThat(pages.text(By.id("loosening"))).contains("added");
        assertThat(pages.text(By.id("approval"))).contains("A reviewer's approval is needed");
        assertThat(browser.driver().findElements(By.xpath("//button[text()='Publish']"))).as("no publish button yet").isEmpty();
        pages.type("approval-note", "GA4 on every page");
        pages.submit();
        assertThat(pages.text(By.className("flash"))).contains("Submitted for approval");
        assertThat(pages.text(By.id("approval-state"))).contains("waiting for a reviewer");

        openPendingRequestAsReviewer();
        assertThat(pages.text(By.id("loosening"))).contains("added");
        pages.click(By.id("reject"));
        assertThat(pages.text(By.cssSelector("[role=alert]"))).contains("say why");
        pages.type("comment", "Only on the thank-you page, please");
        pages.click(By.id("reject"));
        assertThat(pages.text(By.className("flash"))).contains("Rejected");

        pages.signIn("ellen");
        pages.open("/containers/" + id + "/publish");
        assertThat(pages.text(By.id("approval-state"))).contains("Rejected by ruth").contains("Only on the thank-you page");
        editor.expect(200, "PUT", "/api/containers/" + id + "/tags/" + ga4, TestApi.googlePageViewTag()
                .replace("\"trigger\": {\"on\": \"page_load\"}", "\"trigger\": {\"on\": \"page_load\", \"urlMatch\": \"prefix\", \"url\": \"/thank-you\"}"));
        pages.open("/containers/" + id + "/publish");
        pages.type("approval-note", "GA4 on the thank-you page only");
        pages.submit();

        openPendingRequestAsReviewer();
        assertThat(pages.text(By.tagName("main"))).contains("GA4 on the thank-you page only");
        pages.type("comment", "OK");
        pages.click(By.id("approve"));
        assertThat(pages.text(By.className("flash"))).contains("Approved");

        pages.signIn("ellen");
        pages.open("/containers/" + id + "/publish");
        assertThat(pages.text(By.id("approval-state"))).contains("Approved by ruth");
        pages.type("note", "GA4 on the thank-you page");
        pages.click(By.xpath("//button[text()='Publish']"));
        assertThat(pages.text(By.className("flash"))).contains("Published");
        assertThat(admin.list(admin.get("/api/containers/" + id + "/versions"))).hasSize(2);
        assertThat(admin.list(admin.get("/api/audit?container=" + id)).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("kind"))).toList())
                .containsSubsequence("version.published", "approval.approved", "approval.submitted", "approval.rejected", "approval.submitted");
    }

    /** Signs in as the reviewer and opens the (only) request waiting under Approvals. */
    private void openPendingRequestAsReviewer() {
        pages.signIn("ruth");
        pages.open("/approvals");
        pages.click(By.partialLinkText("Request"));
    }
}
