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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every consent signal against all seven vendors in a real browser: before the visitor decides, no vendor
 * host is contacted; a grant loads exactly the vendors' loaders and fires the tags with a shared event id; a
 * denial fires nothing; a withdrawal stops further firing; Global Privacy Control overrides a grant.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentSignalsBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    VendorCatalog catalog;

    Browser browser;
    FixtureSite site;
    TestApi api;
    String scriptUrl;
    Set<String> vendorHosts;
    Set<String> loaderHosts;

    @BeforeAll
    void startBrowserAndPublish() {
        browser = new Browser();
        site = new FixtureSite();
        api = TestApi.admin(server.getURI());
        scriptUrl = scriptUrl(SevenVendorContainer.publish(api, catalog, "\"cmpWaitMs\": 10000"));
        vendorHosts = SevenVendorContainer.vendorHosts(catalog);
        loaderHosts = SevenVendorContainer.loaderHosts(catalog);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        browser.close();
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcf", "gpp", "consent_mode", "onetrust", "cookiebot"})
    void nothingBeforeTheChoiceThenExactlyTheVendorsOnGrant(String cmp) throws Exception {
        open(cmp, false);
        Thread.sleep(300);
        assertThat(browser.proxy().pageHosts()).as("before the choice").doesNotContainAnyElementsOf(vendorHosts);
        assertThat(browser.statuses()).containsOnly("waiting for marketing consent", "no matching event yet");
        assertThat(browser.driver().manage().getCookies()).as("no cookie before the choice").isEmpty();

        browser.js("window.__test.grant()");
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(Set.copyOf(browser.proxy().pageHosts())).as("only vendor loader hosts").isSubsetOf(vendorHosts);
        assertThat(browser.debug().get("source")).isEqualTo(cmp);
        assertThat(browser.statuses().subList(0, 7)).containsOnly("fired");

        // One event id per page view, passed to every vendor's deduplication field.
        String metaId = (String) browser.js("return window.fbq.queue.find(c => c[0] === 'trackSingle' && c[2] === 'PageView')[4].eventID");
        assertThat(metaId).isNotBlank();
        assertThat(browser.js("return window.pintrk.queue.find(c => c[0] === 'track')[2].event_id")).isEqualTo(metaId);
        assertThat(browser.js("return window.rdt.callQueue.find(c => c[0] === 'track')[2].conversionId")).isEqualTo(metaId);
        assertThat(browser.js("return window.rdt.callQueue.find(c => c[0] === 'track')[1]")).isEqualTo("PageVisit");
        assertThat(browser.js("return [...window.dataLayer].find(e => e[0] === 'event')[1]")).isEqualTo("page_view");
        assertThat(browser.js("return [...window.dataLayer].find(e => e[0] === 'event')[2].event_id")).isEqualTo(metaId);
        assertThat(browser.js("return window.pintrk.queue.find(c => c[0] === 'track')[1]")).isEqualTo("pagevisit");
        assertThat(browser.js("return window.pageErrors")).asList().isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcf", "gpp", "consent_mode", "onetrust", "cookiebot"})
    void denialFiresNothing(String cmp) throws Exception {
        open(cmp, false);
        browser.js("window.__test.deny()");
        Thread.sleep(300);
        assertThat(browser.statuses().subList(0, 7)).allSatisfy(s -> assertThat(s).startsWith("blocked"));
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcf", "gpp", "consent_mode", "onetrust", "cookiebot"})
    void withdrawalStopsFurtherFiringAndRevokesWhereVendorsCan(String cmp) {
        open(cmp, false);
        browser.js("window.__test.grant()");
        browser.waitUntil(() -> "granted".equals(browser.consent().get("marketing")));
        browser.js("window.__test.withdraw()");
        browser.waitUntil(() -> "denied".equals(browser.consent().get("marketing")));
        browser.js("window.tagwarden.push({event: 'purchase', value: 10, currency: 'EUR'})");
        assertThat(browser.statuses().get(7)).startsWith("blocked");
        assertThat(browser.js("return window.fbq.queue.filter(c => c[2] === 'Purchase').length")).isEqualTo(0L);
        assertThat(browser.js("return window.fbq.queue.some(c => c[0] === 'consent' && c[1] === 'revoke')")).isEqualTo(true);
        assertThat(browser.js("return window.pintrk.queue.some(c => c[0] === 'setconsent' && c[1] === false)")).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcf", "gpp", "consent_mode", "onetrust", "cookiebot"})
    void globalPrivacyControlOverridesAGrantOfMarketing(String cmp) throws Exception {
        open(cmp, true);
        browser.js("window.__test.grant()");
        Thread.sleep(300);
        assertThat(browser.debug().get("gpc")).isEqualTo(true);
        assertThat(browser.statuses().subList(0, 7)).allSatisfy(s -> assertThat(s).isEqualTo("blocked: marketing consent denied (GPC)"));
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
    }

    @Test
    void underTcfAVendorRefusedByTheVisitorStaysBlockedWhileTheOthersFire() {
        open("tcf", false);
        browser.js("window.__test.grantRefusingVendor(755)");
        browser.waitUntil(() -> "granted".equals(browser.consent().get("marketing")));
        List<String> statuses = browser.statuses();
        assertThat(statuses.get(SevenVendorContainer.SEVEN.indexOf("google"))).isEqualTo("blocked: vendor refused under TCF");
        assertThat(statuses.get(SevenVendorContainer.SEVEN.indexOf("meta"))).isEqualTo("fired");
        browser.waitUntil(() -> browser.proxy().pageHosts().contains("connect.facebook.net"));
        assertThat(browser.proxy().pageHosts()).doesNotContain("www.googletagmanager.com");
    }

    @Test
    void tcfSayingGdprDoesNotApplyDoesNotRestrict() {
        open("tcf", false);
        browser.js("window.__test.notApplicable()");
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(browser.consent()).containsEntry("marketing", "granted").containsEntry("analytics", "granted");
    }

    @Test
    void findsATcfCmpInTheParentFrameThroughItsLocator() {
        browser.open(site.page("/tcf-frame-parent.html", scriptUrl));
        browser.driver().switchTo().frame("child");
        browser.waitForRuntime();
        assertThat(browser.statuses().subList(0, 7)).containsOnly("waiting for marketing consent");
        browser.driver().switchTo().defaultContent();
        browser.js("window.__test.grant()");
        browser.driver().switchTo().frame("child");
        browser.waitUntil(() -> "granted".equals(browser.consent().get("marketing")));
        assertThat(browser.debug().get("source")).isEqualTo("tcf");
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void vendorScriptsCarryTheContainersNonceUnderAStrictCsp() {
        browser.open(site.page("/csp.html", scriptUrl));
        browser.waitForRuntime();
        browser.js("window.tagwarden.consent.update({marketing: 'granted'})");
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(browser.js("return window.cspViolations")).asList().isEmpty();
        assertThat(browser.js("return [...document.scripts].filter(s => s.src.includes('connect.facebook.net'))[0].nonce"))
                .isEqualTo("r4nd0m");
    }

    @Test
    void aDecisionFromAnotherSignalIsAnnouncedToGoogleTagsAsConsentModeUpdate() {
        open("tcf", false);
        browser.js("window.__test.grant()");
        browser.waitUntil(() -> "granted".equals(browser.consent().get("marketing")));
        assertThat(browser.js("return window.dataLayer.some(e => e[0] === 'consent' && e[1] === 'update' && e[2].ad_storage === 'granted')"))
                .isEqualTo(true);
    }

    @Test
    void aThrowingCmpFiresNothingInOptInAndLeavesThePageWorking() throws Exception {
        String quick = scriptUrl(SevenVendorContainer.publish(api, catalog, "\"cmpWaitMs\": 200"));
        browser.open(site.page("/signals.html", quick, "cmp=broken"));
        browser.waitForRuntime();
        Thread.sleep(500);
        assertThat(browser.statuses().subList(0, 7)).allSatisfy(s -> assertThat(s).startsWith("blocked"));
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
        browser.driver().findElement(By.id("still-works")).click();
        assertThat(browser.driver().findElement(By.id("still-works")).getText()).isEqualTo("clicked");
        assertThat(browser.js("return window.pageErrors")).asList().isEmpty();
    }

    @Test
    void aCmpThatNeverAnswersGetsThePolicyDefaultAfterTheWait() {
        String optOut = scriptUrl(SevenVendorContainer.publish(api, catalog, "\"consentMode\": \"opt_out\", \"cmpWaitMs\": 300"));
        browser.open(site.page("/signals.html", optOut, "cmp=none"));
        browser.waitForRuntime();
        browser.waitUntil(() -> browser.proxy().pageHosts().containsAll(loaderHosts));
        assertThat(browser.debug().get("source")).isNull();

        String optIn = scriptUrl(SevenVendorContainer.publish(api, catalog, "\"consentMode\": \"opt_in\", \"cmpWaitMs\": 300"));
        browser.open(site.page("/signals.html", optIn, "cmp=none"));
        browser.waitForRuntime();
        browser.waitUntil(() -> "denied".equals(browser.consent().get("marketing")));
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
    }

    private void open(String cmp, boolean gpc) {
        browser.open(site.page("/signals.html", scriptUrl, "cmp=" + cmp, "gpc=" + (gpc ? "1" : "0")));
        browser.waitForRuntime();
    }

    private String scriptUrl(String containerId) {
        return server.getURI().resolve("/c/" + containerId + ".js").toString();
    }
}
