package io.tagwarden.forward.vendors;

import io.tagwarden.forward.Conversion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed conversions for the forwarder tests. The hashes are SHA-256 hex of the values in the comments, worked out
 * outside the code under test, so the golden files can name them.
 */
final class Conversions {

    static final Instant EVENT_TIME = Instant.parse("2026-12-01T10:15:30.250Z");
    static final Instant RECEIVED_AT = Instant.parse("2026-12-01T10:15:31.500Z");
    /** jane.doe@example.com */
    static final String EMAIL_SHA256 = "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";
    /** 4915123456789 */
    static final String PHONE_SHA256 = "c0f8f0bebbbac96451ee8d8def84a02ae9e34c877775437cb9d458328315afa7";
    /** +4915123456789 */
    static final String PHONE_E164_SHA256 = "663a4322addcdcc2be9435bfd2505066dc1048b89d33e48f363119f18bdd71e8";
    /** customer-42 */
    static final String EXTERNAL_ID_SHA256 = "a045eb33f8797f35ea7d5fad7c5e0d021e2142e9c1bb6e9dc9f45b4f503b03e8";
    static final String IP = "203.0.113.7";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0";

    /** Every click id a page can carry, one per vendor: each forwarder must pick only its own. */
    static final Map<String, String> ALL_CLICK_IDS = Map.of(
            "fbclid", "IwAR2F4-test-fbclid",
            "gclid", "Cj0KCQiA-test-gclid",
            "gbraid", "0AAAAA-test-gbraid",
            "wbraid", "1BBBBB-test-wbraid",
            "li_fat_id", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff",
            "twclid", "26abc123-test-twclid",
            "ttclid", "E.C.P.test-ttclid",
            "rdt_cid", "1234567890123456789_test",
            "epik", "dj0yJnU9test-epik");

    private Conversions() {
    }

    /** A purchase with everything Tagwarden can keep under full consent. */
    static Builder full(String vendorEvent) {
        Builder b = new Builder();
        b.event = "Purchase";
        b.vendorEvent = vendorEvent;
        b.pageUrl = "https://shop.example.com/checkout/done?step=3";
        b.referrer = "https://shop.example.com/cart";
        b.userAgent = USER_AGENT;
        b.ip = IP;
        b.visitorId = "tw-visitor-7f3a9c";
        b.clickIds = new LinkedHashMap<>(ALL_CLICK_IDS);
        b.params = new LinkedHashMap<>(Map.of(
                "value", 49.99,
                "currency", "EUR",
                "content_ids", List.of("SKU-1", "SKU-2"),
                "content_type", "product",
                "order_id", "ORD-1001",
                "num_items", 2,
                "search_term", "blue shoes"));
        b.emailSha256 = EMAIL_SHA256;
        b.phoneSha256 = PHONE_SHA256;
        b.phoneE164Sha256 = PHONE_E164_SHA256;
        b.externalIdSha256 = EXTERNAL_ID_SHA256;
        b.adUserData = true;
        return b;
    }

    /** Only what every stored event has: ids, names and times; no consent for ad user data. */
    static Builder minimal(String event, String vendorEvent) {
        Builder b = new Builder();
        b.event = event;
        b.vendorEvent = vendorEvent;
        return b;
    }

    /** Test-only mutable builder: tests change one field of a fixture and say which. */
    static final class Builder {
        String eventId = "evt-20261201-0001";
        String event;
        String vendorEvent;
        String pageUrl;
        String referrer;
        String userAgent;
        String ip;
        String visitorId;
        Map<String, String> clickIds = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String emailSha256;
        String phoneSha256;
        String phoneE164Sha256;
        String externalIdSha256;
        boolean adUserData;
        boolean notForSale;

        Builder clickId(String name, String value) {
            clickIds.put(name, value);
            return this;
        }

        Builder noClickIds() {
            clickIds.clear();
            return this;
        }

        Builder userAgent(String ua) {
            userAgent = ua;
            return this;
        }

        Builder notForSale() {
            notForSale = true;
            return this;
        }

        Builder visitorId(String id) {
            visitorId = id;
            return this;
        }

        Builder noIdentifiers() {
            emailSha256 = null;
            phoneSha256 = null;
            phoneE164Sha256 = null;
            externalIdSha256 = null;
            return this;
        }

        Builder param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        Conversion build() {
            return new Conversion(eventId, event, vendorEvent, EVENT_TIME, RECEIVED_AT, pageUrl, referrer, userAgent, ip,
                    visitorId, Map.copyOf(clickIds), Map.copyOf(params), emailSha256, phoneSha256, phoneE164Sha256,
                    externalIdSha256, adUserData, notForSale);
        }
    }
}
