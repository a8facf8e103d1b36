package io.tagwarden.e2e;

import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FakeVendorServer;
import io.tagwarden.e2e.support.FixtureSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake Meta endpoint works end to end in a real browser: a plain page with the standard fbq stub loads
 * the fake fbevents.js through the proxy's tunnel, and the queued Purchase arrives at the fake /tr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeVendorServerTest {

    FakeVendorServer vendors;
    Browser browser;
    FixtureSite site;

    @BeforeAll
    void start() {
        vendors = new FakeVendorServer();
        browser = Browser.withFakeVendors(vendors);
        site = new FixtureSite();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            browser.close();
        } finally {
            site.close();
            vendors.close();
        }
    }

    @Test
    void theFakeMetaEndpointReceivesPurchase() {
        browser.open(site.url("/fake-meta.html"));
        browser.waitUntil(() -> !vendors.requests("/tr").isEmpty());

        List<FakeVendorServer.Request> loader = vendors.requests("/en_US/fbevents.js");
        assertThat(loader).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo("connect.facebook.net");
            assertThat(r.method()).isEqualTo("GET");
        });
        assertThat(vendors.requests("/tr")).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo("www.facebook.com");
            assertThat(r.query()).containsEntry("id", "123456789012345")
                    .containsEntry("ev", "Purchase")
                    .containsEntry("eid", "evt-1")
                    .containsEntry("cd[value]", "42.5")
                    .containsEntry("cd[currency]", "EUR");
        });
        assertThat(browser.proxy().pageHosts()).as("still recorded by the proxy")
                .contains("connect.facebook.net", "www.facebook.com");
        assertThat(browser.js("return window.pageErrors")).asList().isEmpty();
    }
}
