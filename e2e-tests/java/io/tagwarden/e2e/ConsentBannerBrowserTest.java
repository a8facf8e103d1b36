package io.tagwarden.e2e;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FixtureSite;
import io.tagwarden.e2e.support.SevenVendorContainer;
import io.tagwarden.support.TestApi;
import io.tagwarden.vendor.VendorCatalog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagwarden's own banner, for sites without a consent platform: nothing loads while it is open; reject is
 * as easy as accept; the choice is remembered per policy revision; it can be reopened; it is keyboard
 * usable; marketer text is shown as text. Also: click ids are kept only with consent.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentBannerBrowserTest {

    static final String HOSTILE_TITLE = "<img src=x onerror=\\\"window.injected=1\\\">Privacy";

    @Inject
    EmbeddedServer server;
    @Inject
    VendorCatalog catalog;

    Browser browser;
    FixtureSite site;
    TestApi api;
    String containerId;
    Set<String> vendorHosts;
    Set<String> loaderHosts;

    @BeforeAll
    void startBrowserAndPublish() {
        browser = new Browser();
        site = new FixtureSite();
        api = TestApi.admin(server.getURI());
        containerId = SevenVendorContainer.publish(api, catalog, consentWithBanner(1));
        api.createTag(containerId, TestApi.googlePageViewTag());
        api.publish(containerId, "with an analytics tag");
        vendorHosts = SevenVendorContainer.vendorHosts(catalog);
        loaderHosts = SevenVendorContainer.loaderHosts(catalog);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        browser.close();
        site.close();
    }

    @Test
    void showsAnAccessibleBannerAndLoadsNothingWhileItIsOpen() throws Exception {
        open("");
        WebElement banner = waitForBanner();
        assertThat(banner.getDomAttribute("role")).isEqualTo("dialog");
        assertThat(banner.getDomAttribute("aria-labelledby")).isEqualTo("tw-consent-title");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("tw-consent-reject");
        Thread.sleep(300);
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
        // The marketer's title is text, not markup.
        assertThat(browser.driver().findElement(By.id("tw-consent-title")).getText()).contains("<img src=x");
        assertThat(browser.js("return document.querySelectorAll('#tw-consent img').length")).isEqualTo(0L);
        assertThat(browser.js("return window.injected === undefined")).isEqualTo(true);
    }

    @Test
    void rejectIsOneKeyPressAwayAndIsRemembered() throws Exception {
        open("");
        waitForBanner();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(() -> browser.driver().findElements(By.id("tw-consent")).isEmpty());
        assertThat(cookie("tw_consent")).isEqualTo("1.00");
        assertThat(browser.statuses().subList(0, 7)).allSatisfy(s -> assertThat(s).startsWith("blocked"));

        browser.driver().navigate().refresh();
        browser.waitForRuntime();
        Thread.sleep(300);
        assertThat(browser.driver().findElements(By.id("tw-consent"))).as("no banner once chosen").isEmpty();
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
    }

    @Test
    void acceptAllLoadsTheVendorsAndARevisitFiresWithoutAsking() {
        open("");
        waitForBanner().findElement(By.id("tw-consent-accept")).click();
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(cookie("tw_consent")).isEqualTo("1.11");
        assertThat(browser.debug().get("source")).isEqualTo("banner");

        browser.proxy().clear();
        browser.driver().navigate().refresh();
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(browser.driver().findElements(By.id("tw-consent"))).isEmpty();
    }

    @Test
    void aPerCategoryChoiceGrantsOnlyWhatWasTicked() {
        open("");
        WebElement banner = waitForBanner();
        banner.findElement(By.id("tw-consent-customize")).click();
        banner.findElement(By.id("tw-consent-analytics")).click();
        banner.findElement(By.id("tw-consent-customize")).click();
        browser.waitUntil(() -> "granted".equals(browser.consent().get("analytics")));
        assertThat(browser.consent().get("marketing")).isEqualTo("denied");
        assertThat(cookie("tw_consent")).isEqualTo("1.10");
        List<String> statuses = browser.statuses();
        assertThat(statuses.get(statuses.size() - 1)).as("the GA4 analytics tag").isEqualTo("fired");
        assertThat(statuses.subList(0, 7)).allSatisfy(s -> assertThat(s).startsWith("blocked"));
        // gtag.js loads for the analytics grant, told first that advertising storage is denied.
        assertThat(browser.js("const i = dataLayer.findIndex(e => e[0] === 'consent' && e[1] === 'default');"
                + "const js = dataLayer.findIndex(e => e[0] === 'js');"
                + "return i >= 0 && i < js && dataLayer[i][2].ad_storage === 'denied' && dataLayer[i][2].analytics_storage === 'granted'"))
                .isEqualTo(true);
    }

    @Test
    void reopeningLetsTheVisitorWithdrawAndClickIdsGoWithConsent() {
        open("fbclid=IwAR-test-click&gclid=Cj0-test");
        waitForBanner().findElement(By.id("tw-consent-accept")).click();
        browser.waitUntil(() -> "granted".equals(browser.consent().get("marketing")));
        assertThat(cookie("tw_clk")).contains("fbclid").contains("IwAR-test-click");
        assertThat(browser.debug().get("clickIds")).isEqualTo(Map.of("fbclid", "IwAR-test-click", "gclid", "Cj0-test"));

        browser.js("window.tagwarden.consent.open()");
        waitForBanner().findElement(By.id("tw-consent-reject")).click();
        browser.waitUntil(() -> "denied".equals(browser.consent().get("marketing")));
        assertThat(cookie("tw_clk")).as("click ids removed on withdrawal").isNull();
        assertThat(cookie("tw_consent")).isEqualTo("1.00");
        browser.js("window.tagwarden.push({event: 'purchase', value: 5, currency: 'EUR'})");
        assertThat(browser.statuses().get(7)).startsWith("blocked");
        assertThat(browser.js("return window.fbq.queue.some(c => c[0] === 'consent' && c[1] === 'revoke')")).isEqualTo(true);
    }

    @Test
    void clickIdsAreNotKeptWithoutConsent() {
        open("fbclid=IwAR-not-kept");
        waitForBanner().findElement(By.id("tw-consent-reject")).click();
        browser.waitUntil(() -> "denied".equals(browser.consent().get("marketing")));
        assertThat(cookie("tw_clk")).isNull();
        assertThat(browser.debug().get("clickIds")).isEqualTo(Map.of());
    }

    @Test
    void aNewPolicyRevisionAsksAgain() {
        String id = SevenVendorContainer.publish(api, catalog, consentWithBanner(1));
        String page = site.page("/", server.getURI().resolve("/c/" + id + ".js").toString());
        browser.open(page);
        waitForBanner().findElement(By.id("tw-consent-accept")).click();
        browser.waitUntil(() -> "1.11".equals(cookie("tw_consent")));

        api.expect(200, "PUT", "/api/containers/" + id, "{\"name\": \"Seven vendors\", " + consentWithBanner(2) + "}");
        Map<String, Object> v2 = api.publish(id, "policy revision 2");
        // The pinned URL: the latest one may be served from the browser cache for its max-age.
        browser.driver().get(site.page("/", server.getURI().resolve((String) v2.get("pinnedUrl")).toString()));
        waitForBanner();
        assertThat(browser.consent().get("marketing")).isEqualTo("unknown");
    }

    private static String consentWithBanner(int revision) {
        return """
                "cmpWaitMs": 10000, "consent": {"signals": [], "banner": {"revision": %d, "texts": {
                  "en": {"title": "%s", "text": "We use cookies.", "acceptAll": "Accept all", "rejectAll": "Reject all",
                         "customize": "Choose", "save": "Save", "analytics": "Analytics", "marketing": "Marketing"},
                  "de": {"title": "Datenschutz", "text": "Wir verwenden Cookies.", "acceptAll": "Alle akzeptieren",
                         "rejectAll": "Alle ablehnen", "customize": "Auswählen", "save": "Speichern",
                         "analytics": "Statistik", "marketing": "Marketing"}}}}""".formatted(revision, HOSTILE_TITLE);
    }

    private void open(String query) {
        browser.open(site.page("/landing", server.getURI().resolve("/c/" + containerId + ".js").toString(),
                query.isEmpty() ? new String[0] : new String[] {query}));
        browser.waitForRuntime();
    }

    private WebElement waitForBanner() {
        browser.waitUntil(() -> !browser.driver().findElements(By.id("tw-consent")).isEmpty());
        return browser.driver().findElement(By.id("tw-consent"));
    }

    private String cookie(String name) {
        Cookie c = browser.driver().manage().getCookieNamed(name);
        return c == null ? null : java.net.URLDecoder.decode(c.getValue(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
