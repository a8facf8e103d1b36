package io.tagwarden.e2e;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.e2e.support.AdminPages;
import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FakeVendorServer;
import io.tagwarden.e2e.support.FixtureSite;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketer's whole journey in a real browser: sign in as an editor, create a container, add a Meta
 * Purchase tag on /thank-you, get told the pixel id is wrong, fix it, review and publish, paste the install tag
 * into a page of the site, accept the banner, and see the (fake) Meta endpoint receive Purchase; then the
 * preview's debug panel; a reviewer refused on every edit; a form posted without its CSRF token refused.
 * The main pages are saved as screenshots in docs/screenshots for the README.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminFlowBrowserTest {

    static final Path SCREENSHOTS = Path.of("docs", "screenshots");
    static final String PIXEL = "123456789012345";

    @Inject
    EmbeddedServer server;

    FakeVendorServer meta;
    Browser browser;
    WebDriver driver;
    FixtureSite site;
    TestApi admin;
    AdminPages pages;

    @BeforeAll
    void start() throws Exception {
        admin = TestApi.admin(server.getURI());
        admin.createUser("erin", "editor");
        admin.createUser("rita", "reviewer");
        meta = new FakeVendorServer();
        browser = Browser.withFakeVendors(meta);
        driver = browser.driver();
        pages = new AdminPages(driver, server.getURI());
        driver.manage().window().setSize(new Dimension(1280, 1000));
        site = new FixtureSite();
    }

    @AfterAll
    void stop() throws Exception {
        browser.close();
        meta.close();
        site.close();
    }

    @Test
    void anEditorPublishesAConsentGatedMetaPurchaseThatReachesMetaOnlyAfterConsent() {
        pages.signIn("erin");
        assertThat(driver.getCurrentUrl()).endsWith("/containers");
        pages.click(By.linkText("Create your first container"));

        pages.type("name", "Demo shop");
        pages.type("allowedOrigins", "https://shop.example.com\n" + site.origin());
        driver.findElement(By.id("banner")).click();
        shot("container-settings");
        pages.submit();
        assertThat(driver.findElement(By.className("flash")).getText()).contains("Created.");
        String containerUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
        String containerId = containerUrl.substring(containerUrl.lastIndexOf('/') + 1);

        pages.click(By.linkText("Meta Pixel"));
        pages.type("name", "Meta purchase");
        pages.type("settings.pixelId", "12ab");
        new Select(driver.findElement(By.id("event"))).selectByValue("Purchase");
        new Select(driver.findElement(By.id("trigger.urlMatch"))).selectByValue("prefix");
        pages.type("trigger.url", "/thank-you");
        pages.submit();
        WebElement error = driver.findElement(By.id("settings.pixelId-error"));
        assertThat(error.getText()).contains("15 or 16 digits");
        assertThat(driver.findElement(By.id("settings.pixelId")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("trigger.url")).getDomProperty("value")).isEqualTo("/thank-you");
        shot("tag-form-error");
        pages.type("settings.pixelId", PIXEL);
        pages.submit();
        assertThat(driver.findElement(By.cssSelector("main table")).getText()).contains("Meta purchase").contains("URL starts with /thank-you");
        shot("container");

        pages.click(By.linkText("Review and publish"));
        assertThat(driver.findElement(By.id("loosening")).getText()).contains("Tag “Meta purchase” added");
        pages.type("note", "Meta purchase on the thank-you page");
        shot("publish-review");
        pages.submit();
        assertThat(driver.findElement(By.className("flash")).getText()).contains("Published.");
        assertThat(driver.findElement(By.id("versions")).getText()).contains("Meta purchase on the thank-you page").contains("by erin");
        shot("versions");

        driver.get(server.getURI() + "/containers/" + containerId + "/install");
        String installTag = driver.findElement(By.id("install-tag")).getText();
        assertThat(driver.findElement(By.id("pinned-tag")).getText()).contains("integrity=\"sha384-");
        shot("install");

        // The site owner pastes the tag into their thank-you page.
        String thankYou = site.addPage("/thank-you", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Thank you</title>" + installTag + "</head><body><h1>Thank you for your order</h1></body></html>");
        browser.open(thankYou);
        browser.waitForRuntime();
        WebElement accept = browser.driver().findElement(By.id("tw-consent-accept"));
        sleep(300);
        assertThat(meta.requests()).as("nothing reaches Meta before consent").isEmpty();
        assertThat(browser.proxy().pageHosts()).doesNotContain("connect.facebook.net", "www.facebook.com");
        assertThat(storedEvents(containerId)).as("nothing reaches /collect before consent either").isEmpty();
        // Past the container's wait the opt-in policy denies, but the visitor has not chosen: the event is held.
        sleep(600);
        assertThat(browser.statuses()).singleElement().asString().startsWith("blocked: marketing consent denied by the opt-in policy");
        assertThat(meta.requests()).isEmpty();
        shot("site-banner");

        accept.click();
        browser.waitUntil(() -> !meta.requests("/tr").isEmpty());
        assertThat(meta.requests("/tr")).singleElement().satisfies(hit -> {
            assertThat(hit.query()).containsEntry("ev", "Purchase").containsEntry("id", PIXEL);
            assertThat(hit.query().get("eid")).isNotBlank();
        });
        assertThat(browser.statuses()).containsExactly("fired");
        // The same Purchase reached Tagwarden's own /collect, with the event id Meta got.
        String metaEventId = meta.requests("/tr").get(0).query().get("eid");
        browser.waitUntil(() -> !storedEvents(containerId).isEmpty());
        assertThat(storedEvents(containerId)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("eventName", "Purchase").containsEntry("eventId", metaEventId)
                .containsEntry("marketingGranted", true).containsEntry("consentSource", "banner").containsEntry("channel", "browser"));

        // The preview shows the same tag waiting, then fired, without publishing anything. (Opening the site
        // above cleared the browser's cookies, so sign in again.)
        pages.signIn("erin");
        driver.get(server.getURI() + "/containers/" + containerId + "/preview?url=https%3A%2F%2Fshop.example.com%2Fthank-you%3Forder%3D1");
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe.preview")));
        // "waiting for marketing consent", then (past the wait) held by the opt-in policy until a choice.
        browser.waitUntil(() -> statusCell().getText().contains("marketing consent"));
        assertThat(statusCell().getText()).isNotEqualTo("fired");
        meta.clear();
        driver.findElement(By.id("grant-all")).click();
        browser.waitUntil(() -> statusCell().getText().equals("fired"));
        assertThat(driver.findElement(By.id("consent-now")).getText()).contains("marketing granted");
        browser.waitUntil(() -> !meta.requests("/tr").isEmpty());
        assertThat(meta.requests("/tr").get(0).query()).containsEntry("ev", "Purchase");
        driver.switchTo().defaultContent();
        shot("preview");

        // The collected Purchase in the container's reports: the chart is drawn (uPlot from the webjar, under the CSP).
        driver.get(server.getURI() + "/containers/" + containerId + "/events");
        browser.waitUntil(() -> !driver.findElements(By.cssSelector("#consent-chart canvas")).isEmpty());
        assertThat(driver.findElement(By.id("events")).getText()).contains("Purchase").contains("marketing + analytics");
        shot("events");

        // Everything the editor did is in the audit trail, and the chain verifies.
        driver.get(server.getURI() + "/audit?container=" + containerId + "&verify=true");
        assertThat(driver.findElement(By.id("verification")).getText()).contains("The chain is intact");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("version.published")
                .contains("tag.created").contains("container.created").contains("erin");
        shot("audit");

        driver.get(server.getURI() + "/containers/" + containerId + "/versions/1/matrix");
        assertThat(driver.findElement(By.cssSelector(".tag-matrix")).getText()).contains("connect.facebook.net").contains("_fbp")
                .contains("Tagwarden's banner: the visitor accepts marketing");
        shot("matrix");
    }

    @Test
    void aReviewerReadsEverythingButEveryEditIsRefused() {
        String id = admin.createContainer("Reviewed shop");
        long tagId = admin.createTag(id, TestApi.metaPurchaseTag());
        admin.publish(id, "first");
        pages.signIn("rita");
        driver.get(server.getURI() + "/containers/" + id);
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Meta purchase").doesNotContain("Add a tag").doesNotContain("Review and publish");
        assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();

        for (String path : List.of("/containers/new", "/containers/" + id + "/tags/new?vendor=meta", "/users")) {
            driver.get(server.getURI() + path);
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).isEqualTo("Not allowed");
        }
        driver.get(server.getURI() + "/containers/" + id + "/tags/" + tagId);
        assertThat(driver.findElements(By.cssSelector("main button[type=submit]"))).as("the tag form is read-only").isEmpty();

        // Forging the edit forms the reviewer cannot see, with a valid CSRF token, still gets 403.
        for (String action : List.of("/containers/" + id + "/settings", "/containers/" + id + "/tags/" + tagId,
                "/containers/" + id + "/tags/" + tagId + "/delete", "/containers/" + id + "/publish",
                "/containers/" + id + "/versions/1/rollback")) {
            driver.get(server.getURI() + "/containers/" + id);
            postForm(action, true);
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(action).isEqualTo("Not allowed");
        }
        assertThat(admin.list(admin.get("/api/containers/" + id + "/versions"))).hasSize(1);
        assertThat(admin.list(admin.get("/api/containers/" + id + "/tags"))).hasSize(1);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        int before = admin.list(admin.get("/api/containers")).size();
        pages.signIn("erin");
        postForm("/containers", false);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(admin.list(admin.get("/api/containers"))).hasSize(before);
    }


    /** Adds a form to the current page, as a forger would, and submits it; with or without the page's CSRF token. */
    private void postForm(String action, boolean withCsrfToken) {
        WebElement page = driver.findElement(By.tagName("html"));
        browser.js("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = arguments[0];
                const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v; form.appendChild(i); };
                add('name', 'forged'); add('vendor', 'meta'); add('note', 'forged');
                const token = document.querySelector('input[name=csrfToken]');
                if (arguments[1] && token) { add('csrfToken', token.value); }
                document.body.appendChild(form); form.submit();""", action, withCsrfToken);
        pages.waitUntilGone(page);
    }

    private List<Map<String, Object>> storedEvents(String containerId) {
        return admin.maps(admin.get("/api/containers/" + containerId + "/events"));
    }

    private WebElement statusCell() {
        return driver.findElement(By.cssSelector("#tag-status td.status"));
    }





    private void shot(String name) {
        browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
