package io.tagwarden.e2e;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.e2e.support.AdminPages;
import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FixtureSite;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent scan in headless Chromium against two fixture pages of a site with a published Meta tag: the correct one
 * (only the container) passes all four states, Meta's hosts appearing only after accept all; the broken one (a Meta pixel
 * and its cookie outside the container, and a script that throws) fails before any choice, after reject all and under GPC,
 * naming the host and the cookie. Vendor hosts resolve nowhere (--host-resolver-rules): requests are recorded as the
 * browser sends them, none leaves the machine. The report is then read in the admin app, next to the matrix.
 */
@MicronautTest
@Property(name = "tagwarden.scan.allowed-addresses", value = "127.0.0.1")
@Property(name = "tagwarden.scan.settle", value = "500ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentScanBrowserTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tagwarden.scan.chromium-arguments[0]", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    }

    @Inject
    EmbeddedServer server;

    FixtureSite site;
    TestApi admin;
    String id;
    String script;

    @BeforeAll
    void publish() {
        site = new FixtureSite();
        admin = TestApi.admin(server.getURI());
        id = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Scanned shop\", \"allowedOrigins\": [\"" + site.origin() + "\"]}").get("id");
        admin.createTag(id, """
                {"name": "Meta page view", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "PageView",
                 "trigger": {"on": "page_load"}}""");
        admin.publish(id, "Meta on every page");
        script = "http://127.0.0.1:" + server.getPort() + "/c/" + id + ".js";
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scan(String page) {
        Map<String, Object> stored = admin.expect(201, "POST", "/api/containers/" + id + "/versions/1/scans",
                "{\"url\": \"" + site.page("/" + page, script) + "\"}");
        return (Map<String, Object>) stored.get("report");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Map<String, Object> report, String name) {
        return ((List<Map<String, Object>>) report.get("states")).stream().filter(s -> s.get("state").equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> state, String kind) {
        return (List<Map<String, Object>>) state.get(kind);
    }

    private static Map<String, Object> finding(Map<String, Object> state, String kind, String name) {
        return findings(state, kind).stream().filter(f -> f.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + state));
    }

    @Test
    void theCorrectPagePassesAndTheBrokenOneFailsNamingThePixelAndItsCookie() throws Exception {
        Map<String, Object> correct = scan("scan-correct.html");
        assertThat(correct.get("passed")).as(correct.toString()).isEqualTo(true);
        for (String s : List.of("no_choice", "reject_all", "gpc")) {
            assertThat(findings(state(correct, s), "hosts")).as(s).extracting(f -> f.get("name"))
                    .doesNotContain("connect.facebook.net", "www.facebook.com");
        }
        assertThat(finding(state(correct, "accept_all"), "hosts", "connect.facebook.net"))
                .containsEntry("allowed", true).extractingByKey("why").asString().contains("“Meta page view” (marketing)");

        Map<String, Object> broken = scan("scan-broken.html");
        assertThat(broken.get("passed")).isEqualTo(false);
        for (String s : List.of("no_choice", "reject_all", "gpc")) {
            Map<String, Object> failed = state(broken, s);
            assertThat(failed.get("passed")).as(s).isEqualTo(false);
            assertThat(finding(failed, "hosts", "www.facebook.com")).as(s).containsEntry("allowed", false)
                    .extractingByKey("why").asString().contains("not granted in this state");
            assertThat(finding(failed, "cookies", "_fbp")).as(s).containsEntry("allowed", false);
        }
        assertThat(state(broken, "accept_all").get("passed")).as("after accept all the pixel is what the matrix allows").isEqualTo(true);

        try (Browser browser = new Browser()) {
            AdminPages pages = new AdminPages(browser.driver(), server.getURI());
            admin.createUser("rosa", "reviewer");
            pages.signIn("rosa");
            pages.open("/containers/" + id + "/versions/1/matrix");
            pages.click(By.id("scans"));
            assertThat(pages.text(By.id("verdict"))).isEqualTo("failed");
            assertThat(pages.text(By.id("scan-grid"))).containsIgnoringCase("www.facebook.com").contains("✗ not allowed").containsIgnoringCase("_fbp");
            assertThat(browser.driver().findElements(By.id("scan-form"))).as("reviewers read, they do not scan").isEmpty();
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));
            browser.js("document.getElementById('report').scrollIntoView()");
            browser.screenshot(Path.of("docs/screenshots/consent-scan.png"));
        }
    }
}
