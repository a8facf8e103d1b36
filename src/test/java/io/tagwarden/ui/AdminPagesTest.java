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

        String review = editor.get("/containers/" + id + "/publish").body();
        assertThat(review).contains("Nothing is published yet").contains("Meta purchase").contains("loosen consent gating")
                .contains("Tag “Meta purchase” added: it fires with marketing consent").contains("New vendor: meta");
        HttpResponse<String> published = editor.post("/containers/" + id + "/publish", form(editor, "/containers/" + id + "/publish", Map.of("note", "first <b>")));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/containers/" + id + "/versions?done=published");
        assertThat(editor.get("/containers/" + id + "/versions?done=published").body()).contains("Published.")
                .contains("first &lt;b&gt;").contains("by mara").contains(" B gzip");
        String install = editor.get("/containers/" + id + "/install").body();
        assertThat(install).contains("/c/" + id + ".js&quot;&gt;&lt;/script&gt;").contains("/c/" + id + "@1.js")
                .contains("integrity=&quot;sha384-").contains("crossorigin=&quot;anonymous&quot;").contains("connect.facebook.net");
        assertThat(admin.anonymous().get("/c/" + id + ".js").statusCode()).isEqualTo(200);
    }

    @Test
    void thePublishPageShowsWhatChangesAndHighlightsLooserConsentThenVersionsCompareAndRollBack() {
        String id = admin.createContainer("Diffs");
        long tagId = admin.createTag(id, TestApi.metaPurchaseTag());
        admin.publish(id, "one");
        BrowserlessSession editor = signedIn("mara");
        assertThat(editor.get("/containers/" + id + "/publish").body()).contains("No changes.").contains("live version");

        admin.expect(200, "PUT", "/api/containers/" + id + "/tags/" + tagId, TestApi.metaPurchaseTag()
                .replace("\"Meta purchase\"", "\"Meta purchase (analytics)\"").replace("\"event\"", "\"consentCategory\": \"analytics\", \"event\""));
        String review = editor.get("/containers/" + id + "/publish").body();
        assertThat(review).contains("These changes loosen consent gating")
                .contains("moved from marketing to analytics").contains("class=\"loosened\"");
        editor.post("/containers/" + id + "/publish", form(editor, "/containers/" + id + "/publish", Map.of("note", "looser")));

        String diff = editor.get("/containers/" + id + "/versions/diff?from=1&to=2").body();
        assertThat(diff).contains("Compare").contains("version 1").contains("version 2").contains("Meta purchase (analytics)")
                .contains("<del>marketing</del> → <ins>analytics</ins>");
        assertThat(editor.get("/containers/" + id + "/versions/diff?from=2&to=1").body()).doesNotContain("loosen consent gating");
        assertThat(editor.get("/containers/" + id + "/versions/diff?from=1&to=9").statusCode()).isEqualTo(404);

        HttpResponse<String> rolled = editor.post("/containers/" + id + "/versions/1/rollback",
                form(editor, "/containers/" + id + "/versions", Map.of()));
        assertThat(rolled.statusCode()).isEqualTo(303);
        String versions = editor.get("/containers/" + id + "/versions?done=rolledback").body();
        assertThat(versions).contains("Rolled back").contains("(rollback to 1)");
        Map<String, Object> v3 = admin.map(admin.get("/api/containers/" + id + "/versions/3"));
        assertThat(((Map<?, ?>) v3.get("version")).get("contentHash"))
                .isEqualTo(((Map<?, ?>) admin.map(admin.get("/api/containers/" + id + "/versions/1")).get("version")).get("contentHash"));
        assertThat(((Map<?, ?>) v3.get("version")).get("author")).isEqualTo("mara");
    }

    @Test
    void thePreviewFrameIsSandboxedAndLoadsTheDraftOnlyWithAValidTicket() {
        String id = admin.createContainer("Preview");
        admin.createTag(id, TestApi.metaPurchaseTag());
        BrowserlessSession editor = signedIn("mara");
        HttpResponse<String> page = editor.get("/containers/" + id + "/preview?url=https%3A%2F%2Fshop.example%2Fthank-you");
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.regex.Matcher frame = java.util.regex.Pattern.compile("src=\"(/preview\\?t=[^\"]+)\"").matcher(page.body());
        assertThat(frame.find()).isTrue();
        String frameUrl = frame.group(1).replace("&amp;", "&");
        BrowserlessSession stranger = new BrowserlessSession(server.getURI());
        HttpResponse<String> framed = stranger.get(frameUrl);
        assertThat(framed.statusCode()).isEqualTo(200);
        assertThat(framed.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox allow-scripts").contains("script-src http://localhost:")
                .doesNotContain("allow-same-origin").contains("frame-ancestors 'self'");
        assertThat(framed.body()).contains("https://shop.example/thank-you").contains("Meta purchase");
        String scriptUrl = frameUrl.replace("/preview?", "/preview.js?");
        // As the sandboxed frame asks for it: an opaque origin, even when the server runs on localhost.
        HttpResponse<byte[]> script = admin.anonymous().get(scriptUrl, "Accept", "*/*", "Origin", "null", "Sec-Fetch-Dest", "script");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(script.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("https://shop.example/thank-you").contains("123456789012345");
        assertThat(admin.anonymous().get(scriptUrl + "x", "Accept", "*/*").statusCode()).isEqualTo(403);
        assertThat(stranger.get("/preview?t=bogus").statusCode()).isEqualTo(403);

        HttpResponse<String> bad = editor.get("/containers/" + id + "/preview?url=javascript%3Aalert(1)");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a full http:// or https:// address");
    }

    @Test
    void errorsArePagesWithoutStackTraces() {
        BrowserlessSession editor = signedIn("mara");
        HttpResponse<String> missing = editor.get("/containers/TW-NOPE0000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.body()).contains("Not found").contains("TW-NOPE0000").doesNotContain("Exception").doesNotContain("at io.");
        HttpResponse<String> unknown = editor.get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Not found").contains("Back to your containers");
        HttpResponse<String> forbidden = signedIn("rex").get("/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("not allowed");
        assertThat(admin.get("/api/containers/TW-NOPE0000").statusCode()).isEqualTo(404);
        assertThat(new String(admin.get("/api/containers/TW-NOPE0000").body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
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
        assertThat(reviewer.get("/containers/" + id).body()).doesNotContain("Add a tag").doesNotContain("Review and publish");
        assertThat(reviewer.get("/containers/" + id + "/publish").body()).doesNotContain(">Publish</button>").contains("Reviewers can read");
        assertThat(reviewer.get("/containers/" + id + "/tags/" + tagId).statusCode()).isEqualTo(200);
        String token = BrowserlessSession.csrfTokenOf(reviewer.get("/containers").body());
        for (String path : new String[] {"/containers", "/containers/" + id + "/settings", "/containers/" + id + "/tags",
                "/containers/" + id + "/tags/" + tagId, "/containers/" + id + "/tags/" + tagId + "/delete",
                "/containers/" + id + "/tags/" + tagId + "/disable", "/containers/" + id + "/publish",
                "/containers/" + id + "/versions/1/rollback", "/users"}) {
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

    @Test
    void theSettingsFormKeepsEveryBannerLanguageAndAddsOne() {
        String id = admin.createContainer("Languages");
        BrowserlessSession editor = signedIn("mara");
        String settings = "/containers/" + id + "/settings";
        Map<String, String> values = fields("name", "Languages", "consentMode", "opt_in", "cmpWaitMs", "500",
                "tcfMarketing", "1, 2, 3, 4, 7", "tcfAnalytics", "1, 7, 8, 9, 10", "oneTrustAnalytics", "C0002",
                "oneTrustMarketing", "C0004", "cookiebotAnalytics", "statistics", "cookiebotMarketing", "marketing",
                "banner", "on", "bannerRevision", "2");
        String[] parts = {"Title", "Text", "AcceptAll", "RejectAll", "Customize", "Save", "Analytics", "Marketing"};
        values.put("bannerLang0", "en");
        values.put("bannerLang1", "DE");
        values.put("bannerLang2", "");
        for (String part : parts) {
            values.put("banner" + part + "0", "en " + part);
            values.put("banner" + part + "1", "de " + part);
            values.put("banner" + part + "2", "");
        }
        assertThat(editor.post(settings, form(editor, settings, values)).statusCode()).isEqualTo(303);
        Map<?, ?> banner = (Map<?, ?>) ((Map<?, ?>) admin.map(admin.get("/api/containers/" + id)).get("consent")).get("banner");
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) banner.get("texts")).keySet())).containsExactly("en", "de");
        assertThat(((Map<?, ?>) ((Map<?, ?>) banner.get("texts")).get("de")).get("acceptAll")).isEqualTo("de AcceptAll");

        String page = editor.get(settings).body();
        assertThat(page).contains("value=\"de AcceptAll\"").contains("id=\"bannerLang2\"").contains("Add a language");

        values.put("bannerLang2", "");
        values.put("bannerTitle2", "orphan title");
        HttpResponse<String> bad = editor.post(settings, form(editor, settings, values));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Give each set of banner texts a language code").contains("value=\"de AcceptAll\"");
    }

    @Test
    void anEditorCreatesAnIngestKeyOnTheInstallPageAndSeesItOnceAReviewerCannot() {
        String id = admin.createContainer("Backend");
        BrowserlessSession editor = signedIn("mara");
        String install = "/containers/" + id + "/install";
        assertThat(editor.get(install).body()).contains("No ingest key yet.").contains("Create an ingest key").contains("/collect");
        HttpResponse<String> issued = editor.post("/containers/" + id + "/ingest-key", form(editor, install, Map.of()));
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("(twk_[A-Za-z0-9_-]{43})").matcher(issued.body());
        assertThat(key.find()).isTrue();
        String page = editor.get(install).body();
        assertThat(page).contains("Current key starts with").contains(key.group(1).substring(0, 10)).doesNotContain(key.group(1))
                .contains("Replace the ingest key");

        BrowserlessSession reviewer = signedIn("rex");
        assertThat(reviewer.get(install).body()).contains("Current key starts with").doesNotContain("Replace the ingest key");
        assertThat(reviewer.post("/containers/" + id + "/ingest-key", form(reviewer, install, Map.of())).statusCode()).isEqualTo(403);
        assertThat(reviewer.post("/containers/" + id + "/ingest-key/revoke", form(reviewer, install, Map.of())).statusCode()).isEqualTo(403);

        HttpResponse<String> revoked = editor.post("/containers/" + id + "/ingest-key/revoke", form(editor, install, Map.of()));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(editor.get(revoked.headers().firstValue("Location").orElseThrow()).body()).contains("Ingest key revoked")
                .contains("No ingest key yet.");
    }

    @Test
    void theEventsPageChartsAndListsCollectedEventsEscapedAndErasesAPersonsData() throws Exception {
        String id = admin.createContainer("Reports");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String granted = "{\"analytics\": \"granted\", \"marketing\": \"granted\"}";
        for (String event : new String[]{
                "{\"container\": \"" + id + "\", \"event\": \"Purchase\", \"event_id\": \"p-1\", \"consent\": " + granted
                        + ", \"user\": {\"email\": \"jane@example.com\"}, \"params\": {\"note\": \"<script>alert(1)</script>\"}}",
                "{\"container\": \"" + id + "\", \"event\": \"Lead\", \"event_id\": \"l-1\"}"}) {
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/collect"))
                    .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString(event)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        }
        http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/p.gif?c=" + id)).header("User-Agent", "Mozilla/5.0").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        BrowserlessSession editor = signedIn("mara");
        String page = editor.get("/containers/" + id + "/events").body();
        assertThat(page).contains("id=\"consent-chart\"").contains("data-report=\"{&quot;consent&quot;")
                .contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").contains("Erase a person")
                .contains("p-1").contains("l-1").contains("marketing + analytics").contains("neither")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(page).containsPattern("<td>Purchase</td><td>1</td>");
        assertThat(page).contains("machine");
        assertThat(editor.get("/containers/" + id + "/events?channel=pixel").body()).contains("email_open").doesNotContain("p-1");
        assertThat(admin.anonymous().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);

        HttpResponse<String> erased = editor.post("/containers/" + id + "/events/erasure",
                form(editor, "/containers/" + id + "/events", Map.of("visitorId", "", "email", "jane@example.com")));
        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(editor.get(erased.headers().firstValue("Location").orElseThrow()).body()).contains("Erased 1 events.").doesNotContain("p-1");
        HttpResponse<String> neither = editor.post("/containers/" + id + "/events/erasure",
                form(editor, "/containers/" + id + "/events", Map.of("visitorId", "", "email", "")));
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("give either a visitorId or an email");

        BrowserlessSession reviewer = signedIn("rex");
        assertThat(reviewer.get("/containers/" + id + "/events").body()).contains("l-1").doesNotContain("Erase a person");
        assertThat(reviewer.post("/containers/" + id + "/events/erasure",
                form(reviewer, "/containers/" + id + "/events", Map.of("email", "x@example.com"))).statusCode()).isEqualTo(403);
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
