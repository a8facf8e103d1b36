package io.tagwarden.collect;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.tagwarden.collect.CollectClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /collect and the server's consent rules: what is stored under each consent state, the visitor cookie, GPC,
 * batches with bad events, every kind of bad input, duplicates, and the backend's ingest key.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CollectApiTest {

    static final String EMAIL_SHA256 = Identifiers.sha256("jane.doe@example.com");

    @Inject
    EmbeddedServer server;

    TestApi admin;
    CollectClient client;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
        client = new CollectClient(server.getURI());
    }

    String container() {
        return (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Collect\", \"allowedOrigins\": [\"https://shop.example.com\"]}").get("id");
    }

    List<Map<String, Object>> events(String container) {
        return admin.maps(admin.get("/api/containers/" + container + "/events"));
    }

    static String purchase(String container, String eventId, String consent) {
        return """
                {"container": "%s", "event": "Purchase", "event_id": "%s",
                 "url": "https://shop.example.com/thank-you?order=1&fbclid=IwAR1", "referrer": "https://www.facebook.com/?fbclid=IwAR1",
                 "consent": %s, "click_ids": {"fbclid": "IwAR1", "gclid": "Cj0KCQ"},
                 "params": {"value": 42.5, "currency": "EUR", "order_id": "A-1001", "content_ids": ["SKU-1"]},
                 "user": {"email": "  Jane.Doe@Example.com ", "phone": "+44 20 7946 0958", "external_id": "cust-7"}}"""
                .formatted(container, eventId, consent);
    }

    static final String ALL = "{\"analytics\": \"granted\", \"marketing\": \"granted\", \"source\": \"banner\", \"gpc\": false}";
    static final String ANALYTICS_ONLY = "{\"analytics\": \"granted\", \"marketing\": \"denied\", \"source\": \"banner\"}";
    static final String NONE = "{\"analytics\": \"denied\", \"marketing\": \"denied\", \"source\": \"banner\"}";

    @Test
    void aBeaconWithFullConsentIsStoredWithHashedIdentifiersClickIdsAndATruncatedAddress() {
        String id = container();
        HttpResponse<byte[]> answer = client.beacon(purchase(id, "ev-full", ALL), "User-Agent", "Mozilla/5.0 (X11; Linux) Test");
        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(204);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("tw_vid=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Max-Age=").doesNotContainIgnoringCase("Secure");

        Map<String, Object> e = events(id).get(0);
        assertThat(e).containsEntry("eventId", "ev-full").containsEntry("eventName", "Purchase").containsEntry("channel", "browser")
                .containsEntry("ip", "127.0.0.0").containsEntry("userAgent", "Mozilla/5.0 (X11; Linux) Test")
                .containsEntry("analyticsGranted", true).containsEntry("marketingGranted", true).containsEntry("consentSource", "banner")
                .containsEntry("notForSale", false)
                .containsEntry("pageUrl", "https://shop.example.com/thank-you?order=1&fbclid=IwAR1")
                .containsEntry("emailSha256", EMAIL_SHA256)
                .containsEntry("phoneSha256", Identifiers.sha256("442079460958"))
                .containsEntry("phoneE164Sha256", Identifiers.sha256("+442079460958"))
                .containsEntry("externalIdSha256", Identifiers.sha256("cust-7"))
                .containsEntry("clickIds", "{\"fbclid\":\"IwAR1\",\"gclid\":\"Cj0KCQ\"}");
        assertThat(e.get("visitorId")).isEqualTo(cookie.substring("tw_vid=".length(), cookie.indexOf(';')));
        assertThat((String) e.get("params")).contains("\"value\":42.5").contains("\"order_id\":\"A-1001\"");
        assertThat(e.toString()).doesNotContain("jane").doesNotContain("Jane").doesNotContain("7946");
    }

    @Test
    void withoutMarketingConsentNoIdentifierAndNoClickIdIsKeptEvenInTheAddresses() {
        String id = container();
        assertThat(client.beacon(purchase(id, "ev-analytics", ANALYTICS_ONLY)).statusCode()).isEqualTo(204);
        Map<String, Object> e = events(id).get(0);
        assertThat(e).containsEntry("marketingGranted", false).containsEntry("analyticsGranted", true)
                .containsEntry("pageUrl", "https://shop.example.com/thank-you?order=1")
                .containsEntry("referrer", "https://www.facebook.com/")
                .containsEntry("ip", "127.0.0.0")
                .doesNotContainKeys("emailSha256", "phoneSha256", "phoneE164Sha256", "externalIdSha256", "clickIds");
        assertThat(e.get("visitorId")).isNotNull();
    }

    @Test
    void withNeitherAnalyticsNorMarketingOnlyTheEventItselfIsKeptAndTheVisitorCookieIsRemoved() {
        String id = container();
        HttpResponse<byte[]> answer = client.beacon(purchase(id, "ev-none", NONE), "Cookie", "tw_vid=AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("tw_vid=;").contains("Max-Age=0");
        Map<String, Object> e = events(id).get(0);
        assertThat(e).containsEntry("eventName", "Purchase").containsEntry("pageUrl", "https://shop.example.com/thank-you?order=1")
                .doesNotContainKeys("ip", "userAgent", "referrer", "visitorId", "emailSha256", "clickIds");
        assertThat((String) e.get("params")).contains("A-1001");
    }

    @Test
    void globalPrivacyControlMarksTheEventNotForSaleAndOverridesAMarketingGrant() {
        String id = container();
        assertThat(client.beacon(purchase(id, "ev-gpc-header", ALL), "Sec-GPC", "1").statusCode()).isEqualTo(204);
        assertThat(client.beacon(purchase(id, "ev-gpc-page", ALL.replace("\"gpc\": false", "\"gpc\": true"))).statusCode()).isEqualTo(204);
        List<Map<String, Object>> stored = events(id);
        assertThat(stored).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("notForSale", true).containsEntry("marketingGranted", false)
                .doesNotContainKeys("emailSha256", "clickIds"));
        assertThat(stored).anySatisfy(e -> assertThat(e).containsEntry("eventId", "ev-gpc-header").containsEntry("gpcHeader", true).containsEntry("gpcPage", false));
        assertThat(stored).anySatisfy(e -> assertThat(e).containsEntry("eventId", "ev-gpc-page").containsEntry("gpcPage", true).containsEntry("gpcHeader", false));
    }

    @Test
    void aBatchWithABadEventStoresTheGoodOnesAndSaysWhichWasRefused() {
        String id = container();
        String batch = "[" + purchase(id, "b-1", ALL) + ", {\"event\": \"Lead\", \"params\": {\"value\": \"lots\"}}, "
                + purchase(id, "b-3", NONE) + "]";
        HttpResponse<byte[]> answer = client.json(batch, "Origin", "https://shop.example.com");
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> result = admin.map(answer);
        assertThat(result).containsEntry("accepted", 2).containsEntry("duplicates", 0);
        assertThat(text(answer)).contains("\"index\":1").contains("params.value").contains("must be a number");
        assertThat(events(id)).extracting(e -> e.get("eventId")).containsExactlyInAnyOrder("b-1", "b-3");
    }

    @Test
    void anEventSentTwiceIsStoredOnce() {
        String id = container();
        assertThat(client.beacon(purchase(id, "twice", ALL)).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> again = client.json("[" + purchase(id, "twice", ALL) + ", " + purchase(id, "once-more", ALL) + "]");
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(events(id)).extracting(e -> e.get("eventId")).containsExactlyInAnyOrder("twice", "once-more");
        // Twice within one batch (one write): stored once, the rest of the batch with it.
        HttpResponse<byte[]> inOneBatch = client.json("[" + purchase(id, "same-batch", ALL) + ", " + purchase(id, "same-batch", ALL)
                + ", " + purchase(id, "beside-it", ALL) + "]");
        assertThat(inOneBatch.statusCode()).isEqualTo(204);
        assertThat(events(id)).extracting(e -> e.get("eventId")).containsExactlyInAnyOrder("twice", "once-more", "same-batch", "beside-it");
    }

    @Test
    void badInputGetsTheRightStatusAndAMessageAndStoresNothing() {
        String id = container();
        assertError(client.json("{\"event\": \"Purchase\", ", "Origin", "https://shop.example.com"), 400, "not valid JSON");
        assertError(client.post("/collect", new byte[]{'{', '"', 'e', (byte) 0xC3, (byte) 0x28, '"', '}'}, "Content-Type", "text/plain"), 400, "not valid UTF-8");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": 42}"), 400, "\"field\":\"event\"");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Purchase\", \"consent\": {\"marketing\": \"yes\"}}"), 400, "consent.marketing");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Purchase\", \"url\": \"https://x/\\u0000\"}"), 400, "control characters");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Purchase\", \"ip\": \"1.2.3.4\"}"), 400, "only from a site's backend");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Purchase\", \"user\": {\"phone\": \"020 7946 0958\"}}"), 400, "country code");
        assertError(client.json("{\"container\": \"TW-NOSUCH01\", \"event\": \"Purchase\"}"), 404, "No container");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Lead\", \"params\": {\"contact\": \"jane@example.com\"}}"), 400,
                "looks like a personal identifier");
        assertError(client.json("{\"container\": \"" + id + "\", \"event\": \"Lead\", \"params\": {\"FBCLID\": \"x\"}}"), 400, "is a click id");
        assertError(client.json("{\"container\": \"" + "x".repeat(300) + "\", \"event\": \"Lead\"}"), 400, "Name the container");
        assertError(client.json("{\"event\": \"Purchase\"}"), 400, "Name the container");
        assertError(client.json("[]", "Origin", "https://shop.example.com"), 400, "empty");
        assertError(client.beacon(purchase(id, "x", ALL).replace("https://shop.example.com/thank", "https://shop.example.com/" + "a".repeat(70_000))),
                413, "at most 65536");
        assertError(client.json(purchase(id, "evil-origin", ALL), "Origin", "https://evil.example"), 403, "not one of container");
        assertThat(events(id)).isEmpty();
    }

    @Test
    void hostileStringsAreStoredAsDataAndAnsweredAsJson() {
        String id = container();
        String script = "</script><script>alert(1)</script>";
        HttpResponse<byte[]> answer = client.json("{\"container\": \"" + id + "\", \"event\": \"Lead\", \"params\": {\"note\": \"" + script.replace("/", "\\/") + "\"}}");
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat((String) events(id).get(0).get("params")).contains("alert(1)");
        HttpResponse<byte[]> refused = client.json("{\"container\": \"" + id + "\", \"event\": \"<script>\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void aBackendSendsWithItsIngestKeyAndMayGiveTheCustomersAddressAndUserAgent() {
        String id = container();
        Map<String, Object> issued = admin.expect(201, "POST", "/api/containers/" + id + "/ingest-key", null);
        String key = (String) issued.get("key");
        assertThat(key).startsWith("twk_");
        String order = """
                {"event": "Purchase", "event_id": "order-A-1001", "ip": "203.0.113.77", "user_agent": "Mozilla/5.0 Customer",
                 "consent": {"analytics": "granted", "marketing": "granted", "source": "checkout"},
                 "params": {"value": 99.0, "currency": "EUR"}, "user": {"email": "jane.doe@example.com"}}""";
        HttpResponse<byte[]> answer = client.json(order, "Authorization", "Bearer " + key);
        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(204);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(events(id).get(0)).containsEntry("channel", "server").containsEntry("ip", "203.0.113.0")
                .containsEntry("userAgent", "Mozilla/5.0 Customer").containsEntry("emailSha256", EMAIL_SHA256);

        assertError(client.json(order, "Authorization", "Bearer twk_not-a-key"), 401, "ingest key is not valid");
        assertThat(client.json("{\"event\": \"Lead\", \"event_id\": \"no-address\", \"consent\": {\"analytics\": \"granted\"}}",
                "Authorization", "Bearer " + key).statusCode()).isEqualTo(204);
        assertThat(events(id)).filteredOn(e -> "no-address".equals(e.get("eventId"))).singleElement()
                .satisfies(e -> assertThat(e).as("never the backend's own address").doesNotContainKeys("ip", "userAgent"));
        assertThat(admin.map(admin.get("/api/containers/" + id + "/ingest-key"))).containsEntry("prefix", key.substring(0, 10)).doesNotContainKey("key");
        admin.expect(201, "POST", "/api/containers/" + id + "/ingest-key", null);
        assertError(client.json(order.replace("order-A-1001", "order-A-1002"), "Authorization", "Bearer " + key), 401, "ingest key is not valid");
    }

    @Test
    void aContainerKeepingFullAddressesStoresThem() {
        String id = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Full IPs\", \"collection\": {\"ipAddresses\": \"full\"}}").get("id");
        assertThat(client.json(purchase(id, "full-ip", ALL)).statusCode()).isEqualTo(204);
        assertThat(events(id).get(0)).containsEntry("ip", "127.0.0.1");
    }

    @Test
    void aContainerWithCollectionOffRefusesPageEventsAndStoresNoPixelButTakesItsBackend() {
        String id = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"Off\", \"collection\": {\"enabled\": false}}").get("id");
        assertError(client.beacon(purchase(id, "off-1", ALL)), 403, "collection is off");
        client.get("/p.gif?c=" + id + "&eid=off-open");
        String key = (String) admin.expect(201, "POST", "/api/containers/" + id + "/ingest-key", null).get("key");
        assertThat(client.json("{\"event\": \"Purchase\", \"event_id\": \"off-backend\"}", "Authorization", "Bearer " + key).statusCode()).isEqualTo(204);
        assertThat(events(id)).extracting(e -> e.get("eventId")).containsExactly("off-backend");
    }

    @Test
    void pagingBackThroughABatchThatSharesOneArrivalTimeMissesNothing() {
        String id = container();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"container\": \"" + id + "\", \"event\": \"PageView\", \"event_id\": \"page-" + i + "\"}");
        }
        assertThat(client.json(batch.append("]").toString()).statusCode()).isEqualTo(204);
        java.util.Set<Object> seen = new java.util.HashSet<>();
        String next = "";
        for (int page = 0; page < 5; page++) {
            List<Map<String, Object>> rows = admin.maps(admin.get("/api/containers/" + id + "/events?limit=10" + next));
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(r -> seen.add(r.get("eventId")));
            Map<String, Object> last = rows.get(rows.size() - 1);
            next = "&before=" + last.get("receivedAt") + "&beforeId=" + last.get("id");
        }
        assertThat(seen).hasSize(30);
    }

    @Test
    void preflightIsAnsweredForAllowedOriginsOnly() {
        String id = container();
        HttpResponse<byte[]> ok = client.options("/collect?c=" + id, "Origin", "https://shop.example.com", "Access-Control-Request-Method", "POST");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        assertThat(client.options("/collect?c=" + id, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST").statusCode()).isEqualTo(403);
    }

    @Test
    void statsCountTodaysEventsByConsentOutcomeAndEmailOpensByKind() {
        String id = container();
        client.beacon(purchase(id, "s-1", ALL));
        client.beacon(purchase(id, "s-2", ANALYTICS_ONLY));
        client.beacon(purchase(id, "s-3", NONE), "Sec-GPC", "1");
        client.get("/p.gif?c=" + id + "&eid=o-1", "User-Agent", "Mozilla/5.0");
        client.get("/p.gif?c=" + id + "&eid=o-2", "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15");
        Map<String, Object> stats = admin.map(admin.get("/api/containers/" + id + "/events/stats?days=7"));
        List<?> consent = (List<?>) stats.get("consent");
        assertThat(consent).hasSize(7);
        assertThat(asMap(consent.get(6))).containsEntry("day", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .containsEntry("total", 3).containsEntry("marketing", 1).containsEntry("analyticsOnly", 1)
                .containsEntry("neither", 1).containsEntry("gpc", 1);
        assertThat(asMap(((List<?>) stats.get("opens")).get(6))).containsEntry("human", 1).containsEntry("machine", 1);
        assertThat(text(admin.get("/api/containers/" + id + "/events/stats"))).contains("{\"name\":\"Purchase\",\"count\":3}")
                .contains("{\"name\":\"email_open\",\"count\":2}");
        assertThat(admin.get("/api/containers/" + id + "/events/stats?days=0").statusCode()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private void assertError(HttpResponse<byte[]> response, int status, String message) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(text(response)).contains(message);
    }
}
