package io.tagwarden.forward;

import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A container whose Meta Purchase tag delivers from the server, credentials set, published; and a page's /collect beacons. */
final class ForwardingFixture {

    static final String TOKEN = "EAAB-secret-access-token-0123456789";
    static final String ALL = "{\"analytics\": \"granted\", \"marketing\": \"granted\", \"source\": \"banner\", \"gpc\": false}";

    private ForwardingFixture() {
    }

    /** Outbox settings that make retries fast enough for a test, with Meta's API at the stub. */
    static Map<String, String> properties(StubVendor stub) {
        Map<String, String> p = new HashMap<>();
        p.put("tagwarden.forward.vendors.meta.base-url", stub.uri().toString());
        p.put("tagwarden.forward.poll-interval", "50ms");
        p.put("tagwarden.forward.backoff-base", "50ms");
        p.put("tagwarden.forward.backoff-max", "2s");
        p.put("tagwarden.forward.timeout", "700ms");
        p.put("tagwarden.forward.lease", "3s");
        p.put("tagwarden.forward.max-attempts", "6");
        p.put("tagwarden.serve.latest-check-interval", "200ms");
        p.put("tagwarden.collect.requests-per-second", "100000");
        p.put("tagwarden.collect.burst", "100000");
        return p;
    }

    static String serverContainer(TestApi admin, String delivery) {
        String id = admin.createContainer("Forwarding " + delivery);
        admin.createTag(id, """
                {"name": "Meta purchase (server)", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "custom_event", "event": "purchase"}, "delivery": "%s"}""".formatted(delivery));
        admin.expect(200, "PUT", "/api/containers/" + id + "/forwarding/meta/credentials", "{\"accessToken\": \"" + TOKEN + "\"}");
        admin.publish(id, "server delivery");
        return id;
    }

    static String purchase(String container, String eventId, String consent) {
        return """
                {"container": "%s", "event": "Purchase", "event_id": "%s", "url": "https://shop.example.com/thank-you",
                 "consent": %s, "click_ids": {"fbclid": "IwAR1"}, "params": {"value": 42.5, "currency": "EUR", "order_id": "A-%s"},
                 "user": {"email": "jane.doe@example.com"}}""".formatted(container, eventId, consent, eventId);
    }

    static int beacon(URI server, String body, String... extraHeaders) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve("/collect"))
                    .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "https://shop.example.com")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Forwarding test")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (extraHeaders.length > 0) {
                b.headers(extraHeaders);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> jobs(TestApi admin, String container, String status) {
        return admin.maps(admin.get("/api/containers/" + container + "/forwarding/jobs?status=" + status + "&limit=500"));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
