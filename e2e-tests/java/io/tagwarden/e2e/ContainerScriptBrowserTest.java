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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled container in a real browser: it loads without error and, until consent is granted, requests
 * nothing from any vendor host; once granted, the vendors' code is requested.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerScriptBrowserTest {

    static final List<String> SEVEN = SevenVendorContainer.SEVEN;

    @Inject
    EmbeddedServer server;
    @Inject
    VendorCatalog catalog;

    Browser browser;
    FixtureSite site;
    String scriptUrl;
    Set<String> vendorHosts;

    @BeforeAll
    void startBrowserAndPublish() {
        browser = new Browser();
        site = new FixtureSite();
        TestApi api = TestApi.admin(server.getURI());
        String id = (String) api.expect(201, "POST", "/api/containers", "{\"name\": \"Seven\", \"cmpWaitMs\": 10000}").get("id");
        for (String vendor : SEVEN) {
            api.createTag(id, SevenVendorContainer.pageViewTag(catalog.get(vendor)));
        }
        api.createTag(id, TestApi.metaPurchaseTag());
        api.publish(id, "all seven");
        scriptUrl = server.getURI().resolve("/c/" + id + ".js").toString();
        vendorHosts = SevenVendorContainer.vendorHosts(catalog);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        browser.close();
        site.close();
    }

    @Test
    void loadsWithoutErrorAndContactsNoVendorBeforeConsent() throws Exception {
        browser.open(site.page("/thank-you", scriptUrl));
        waitForRuntime();
        Thread.sleep(1_000);
        assertThat(browser.js("return window.pageErrors")).asList().isEmpty();
        assertThat(browser.proxy().pageHosts()).as("hosts contacted before consent").doesNotContainAnyElementsOf(vendorHosts);
        assertThat(browser.js("return typeof window.fbq + typeof window.gtag + typeof window.ttq")).isEqualTo("undefinedundefinedundefined");
        List<Map<String, Object>> tags = debugTags();
        assertThat(tags).hasSize(SEVEN.size() + 1)
                .allSatisfy(t -> assertThat(t.get("status")).isEqualTo("waiting for marketing consent"));
    }

    @Test
    void grantingMarketingLoadsTheVendorsAndFiresTheWaitingTags() throws Exception {
        browser.open(site.page("/thank-you", scriptUrl));
        waitForRuntime();
        browser.js("window.tagwarden.consent.update({marketing: 'granted'})");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.proxy().pageHosts().containsAll(List.of("connect.facebook.net", "www.googletagmanager.com")));
        assertThat(browser.js("return window.tagwarden.debug().errors")).asList().isEmpty();
        assertThat(debugTags()).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("fired"));
        assertThat(browser.js("return typeof window.fbq")).isEqualTo("function");
        // The Meta Purchase tag fired on /thank-you through the queue stub, with its dedup id.
        assertThat(browser.js("return window.fbq.queue.filter(c => c[0] === 'trackSingle' && c[2] === 'Purchase').length"))
                .isEqualTo(1L);
        assertThat(browser.js("return window.pageErrors")).asList().isEmpty();
    }

    @Test
    void denyingMarketingBlocksEveryTagAndLoadsNothing() throws Exception {
        browser.open(site.page("/", scriptUrl));
        waitForRuntime();
        browser.js("window.tagwarden.consent.update({marketing: 'denied'})");
        Thread.sleep(500);
        List<Map<String, Object>> tags = debugTags();
        assertThat(tags.subList(0, SEVEN.size())).allSatisfy(t -> assertThat((String) t.get("status")).startsWith("blocked"));
        assertThat(tags.get(SEVEN.size()).get("status")).as("the /thank-you tag on the home page").isEqualTo("no matching event yet");
        assertThat(browser.proxy().pageHosts()).doesNotContainAnyElementsOf(vendorHosts);
    }

    private void waitForRuntime() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(browser.js("return !!(window.tagwarden && window.tagwarden.started)")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> debugTags() {
        return (List<Map<String, Object>>) browser.js("return window.tagwarden.debug().tags");
    }
}
