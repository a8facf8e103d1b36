package io.tagwarden.ui;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages as a marketer and a reviewer use them: forms, validation next to fields, roles on every form. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTest {

    @Inject
    EmbeddedServer server;

    TestApi admin;

    @BeforeAll
    void users() {
        admin = TestApi.admin(server.getURI());
        admin.createUser("mara", "editor");
        admin.createUser("rex", "reviewer");
    }

    @Test
    void anEditorCreatesAContainerAddsATagFixesABadPixelIdAndPublishes() {
        BrowserlessSession editor = signedIn("mara");
        HttpResponse<String> created = editor.post("/containers", form(editor, "/containers/new", fields(
                "name", "Shop <script>alert(1)</script>", "allowedOrigins", "https://shop.example.com", "consentMode", "opt_in",
                "cmpWaitMs", "500", "signal_tcf", "on", "tcfMarketing", "1, 2, 3, 4, 7", "tcfAnalytics", "1, 7, 8, 9, 10",
                "oneTrustAnalytics", "C0002", "oneTrustMarketing", "C0004", "cookiebotAnalytics", "statistics", "cookiebotMarketing", "marketing")));
        assertThat(created.statusCode()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow();
        String id = page.substring("/containers/".length(), page.indexOf('?'));
        HttpResponse<String> show = editor.get(page);
        assertThat(show.body()).contains("Created.").contains("Shop &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        Map<String, String> tag = new HashMap<>(fields("vendor", "meta", "name", "Meta purchase", "settings.pixelId", "12ab",
                "event", "Purchase", "trigger.on", "page_load", "trigger.urlMatch", "prefix", "trigger.url", "/thank-you",
                "consentCategory", "marketing", "enabled", "on"));
        HttpResponse<String> bad = editor.post("/containers/" + id + "/tags", form(editor, "/containers/" + id + "/tags/new?vendor=meta", tag));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("A Meta Pixel ID is 15 or 16 digits").contains("value=\"/thank-you\"").contains("value=\"Meta purchase\"");

        tag.put("settings.pixelId", "123456789012345");
        assertThat(editor.post("/containers/" + id + "/tags", form(editor, "/containers/" + id, tag)).statusCode()).isEqualTo(303);
        assertThat(editor.get("/containers/" + id).body()).contains("Meta purchase").contains("URL starts with /thank-you");

        HttpResponse<String> published = editor.post("/containers/" + id + "/publish", form(editor, "/containers/" + id, Map.of("note", "first")));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(editor.get("/containers/" + id + "?done=published").body()).contains("/c/" + id + ".js").contains("Published.");
        assertThat(admin.anonymous().get("/c/" + id + ".js").statusCode()).isEqualTo(200);
    }

    @Test
    void badContainerSettingsAreShownNextToTheirFieldsAndNothingIsSaved() {
        BrowserlessSession editor = signedIn("mara");
        int before = admin.list(admin.get("/api/containers")).size();
        HttpResponse<String> r = editor.post("/containers", form(editor, "/containers/new", Map.of(
                "name", "", "allowedOrigins", "javascript:alert(1)", "cmpWaitMs", "soon", "consentMode", "opt_in")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("must be a whole number").contains("Some values need fixing");
        assertThat(admin.list(admin.get("/api/containers"))).hasSize(before);
    }

    @Test
    void aReviewerReadsThePagesButEveryEditFormIsRefusedWith403() {
        String id = admin.createContainer("Reviewed");
        long tagId = admin.createTag(id, TestApi.metaPurchaseTag());
        BrowserlessSession reviewer = signedIn("rex");
        assertThat(reviewer.get("/containers").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/containers/" + id).body()).doesNotContain("Add a tag").doesNotContain(">Publish</button>");
        assertThat(reviewer.get("/containers/" + id + "/tags/" + tagId).statusCode()).isEqualTo(200);
        String token = BrowserlessSession.csrfTokenOf(reviewer.get("/containers").body());
        for (String path : new String[] {"/containers", "/containers/" + id + "/settings", "/containers/" + id + "/tags",
                "/containers/" + id + "/tags/" + tagId, "/containers/" + id + "/tags/" + tagId + "/delete",
                "/containers/" + id + "/tags/" + tagId + "/disable", "/containers/" + id + "/publish", "/users"}) {
            assertThat(reviewer.post(path, Map.of("csrfToken", token, "name", "x", "vendor", "meta")).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(reviewer.get("/users").statusCode()).isEqualTo(403);
        assertThat(admin.list(admin.get("/api/containers/" + id + "/tags"))).hasSize(1);
    }

    @Test
    void anAdminAddsAUserAndTheUserCreatesAnApiToken() {
        BrowserlessSession boss = new BrowserlessSession(server.getURI());
        boss.signIn("admin", TestApi.ADMIN_PASSWORD);
        HttpResponse<String> added = boss.post("/users", form(boss, "/users", Map.of("username", "newbie", "role", "editor",
                "password", "a-long-first-password")));
        assertThat(added.statusCode()).isEqualTo(303);
        BrowserlessSession newbie = new BrowserlessSession(server.getURI());
        assertThat(newbie.signIn("newbie", "a-long-first-password").headers().firstValue("Location")).hasValue("/containers");
        HttpResponse<String> issued = newbie.post("/account/tokens", form(newbie, "/account", Map.of("name", "ci")));
        assertThat(issued.body()).contains("shown only this once").containsPattern("tw_[A-Za-z0-9_-]{20,}");
    }

    private BrowserlessSession signedIn(String username) {
        BrowserlessSession session = new BrowserlessSession(server.getURI());
        assertThat(session.signIn(username, "password-of-" + username).statusCode()).isEqualTo(303);
        return session;
    }

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The fields plus the CSRF token of the page the form is on. */
    private static Map<String, String> form(BrowserlessSession session, String page, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", BrowserlessSession.csrfTokenOf(session.get(page).body()));
        return form;
    }
}
