package io.tagwarden.e2e;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.e2e.support.AdminPages;
import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FakeVendorServer;
import io.tagwarden.e2e.support.FixtureSite;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side forwarding seen from a real page: a Purchase with consent reaches (fake) Meta twice — from the browser
 * pixel and from Tagwarden's server to the Conversions API (a stub) — with the same event id, so Meta keeps one; a
 * server-only tag makes the page contact none of Meta's hosts, ever, and still delivers the Purchase from the server;
 * without consent nothing reaches either.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerForwardingBrowserTest implements TestPropertyProvider {

    static final String PIXEL = "123456789012345";

    final StubVendor conversionsApi = new StubVendor();

    @Inject
    EmbeddedServer server;

    FakeVendorServer meta;
    Browser browser;
    FixtureSite site;
    TestApi admin;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tagwarden.forward.vendors.meta.base-url", conversionsApi.uri().toString(),
                "tagwarden.forward.poll-interval", "50ms",
                "tagwarden.serve.latest-check-interval", "200ms");
    }

    @BeforeAll
    void start() throws Exception {
        admin = TestApi.admin(server.getURI());
        meta = new FakeVendorServer();
        browser = Browser.withFakeVendors(meta);
        site = new FixtureSite();
    }

    @BeforeEach
    void clear() {
        meta.clear();
        conversionsApi.reset();
    }

    @AfterAll
    void stop() throws Exception {
        browser.close();
        meta.close();
        site.close();
        conversionsApi.close();
    }

    @Test
    void aPurchaseReachesMetaFromTheBrowserAndFromTheServerWithTheSameEventId() {
        String container = container("browser_and_server");
        openAndBuy(container, "/both");
        browser.waitUntil(() -> !meta.requests("/tr").isEmpty());
        String browserEventId = meta.requests("/tr").stream().filter(r -> "Purchase".equals(r.query().get("ev"))).findFirst()
                .orElseThrow().query().get("eid");
        assertThat(browserEventId).isNotBlank();

        Eventually.within(Duration.ofSeconds(15), "the server copy at the Conversions API",
                () -> conversionsApi.acceptedByEventId().containsKey(browserEventId));
        assertThat(conversionsApi.acceptedByEventId()).containsOnlyKeys(browserEventId);
        StubVendor.Received sent = conversionsApi.received().get(0);
        assertThat(sent.path()).isEqualTo("/v21.0/" + PIXEL + "/events");
        assertThat(sent.body()).contains("\"event_name\":\"Purchase\"").contains("\"event_id\":\"" + browserEventId + "\"");

        // The Forwarding page shows the delivered job; the README's screenshot.
        Eventually.within(Duration.ofSeconds(5), "the job marked delivered", () -> admin.maps(
                admin.get("/api/containers/" + container + "/forwarding/jobs?status=delivered")).size() == 1);
        admin.createUser("fwd-" + container.toLowerCase(), "editor");
        AdminPages pages = new AdminPages(browser.driver(), server.getURI());
        pages.signIn("fwd-" + container.toLowerCase());
        pages.open("/containers/" + container + "/forwarding");
        assertThat(browser.driver().findElement(By.id("vendor-meta")).getText()).contains("credentials set")
                .contains("1 server-delivered tag(s) in the live version");
        browser.driver().manage().window().setSize(new Dimension(1280, 1400));
        browser.screenshot(Path.of("docs", "screenshots", "forwarding.png"));
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aServerOnlyTagNeverContactsMetaFromThePageButStillDeliversFromTheServer() {
        String container = container("server");
        browser.proxy().clear();
        openAndBuy(container, "/server-only");
        Eventually.within(Duration.ofSeconds(15), "the Purchase at the Conversions API", () -> !conversionsApi.acceptedByEventId().isEmpty());
        browser.proxy().settle(Duration.ofMillis(300), Duration.ofSeconds(2));
        assertThat(meta.requests()).as("no request to any Meta host").isEmpty();
        assertThat(browser.proxy().pageHosts()).doesNotContain(FakeVendorServer.HOSTS.toArray(String[]::new));
        assertThat(browser.statuses()).contains("sent to the server for forwarding");
        assertThat(conversionsApi.received().get(0).body()).contains("\"event_name\":\"Purchase\"");
    }

    @Test
    void withoutConsentNothingReachesMetaEitherWay() throws Exception {
        String container = container("browser_and_server");
        browser.open(site.page("/refused", server.getURI() + "/c/" + container + ".js"));
        browser.waitForRuntime();
        browser.js("window.tagwarden.consent.update({analytics: 'denied', marketing: 'denied'});"
                + "window.tagwarden.push({event: 'purchase', value: 10, currency: 'EUR'});");
        Thread.sleep(1500);
        assertThat(meta.requests()).isEmpty();
        assertThat(conversionsApi.received()).isEmpty();
    }

    private void openAndBuy(String container, String path) {
        browser.open(site.page(path, server.getURI() + "/c/" + container + ".js"));
        browser.waitForRuntime();
        browser.js("window.tagwarden.consent.update({analytics: 'granted', marketing: 'granted'});"
                + "window.tagwarden.push({event: 'purchase', value: 42.5, currency: 'EUR', order_id: 'A-1'});");
    }

    private String container(String delivery) {
        String id = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Forwarding " + delivery + "\", \"allowedOrigins\": [\"" + site.origin() + "\"]}").get("id");
        admin.createTag(id, """
                {"name": "Meta purchase", "vendor": "meta", "settings": {"pixelId": "%s"}, "event": "Purchase",
                 "trigger": {"on": "custom_event", "event": "purchase"}, "delivery": "%s"}""".formatted(PIXEL, delivery));
        admin.expect(200, "PUT", "/api/containers/" + id + "/forwarding/meta/credentials", "{\"accessToken\": \"EAAB-browser-test\"}");
        admin.publish(id, delivery);
        return id;
    }
}
