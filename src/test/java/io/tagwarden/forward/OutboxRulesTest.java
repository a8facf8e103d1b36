package io.tagwarden.forward;

import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.compile.TagModel;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.tag.Delivery;
import io.tagwarden.tag.TriggerType;
import io.tagwarden.tag.UrlMatch;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules of the outbox, without a server: backoff, reading vendors' answers, sealing, what is forwarded. */
class OutboxRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void backoffDoublesWithJitterUpToTheCapAndHonoursRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(7));
        for (int attempt = 1; attempt <= 6; attempt++) {
            long full = 5_000L << (attempt - 1);
            assertThat(backoff.delay(attempt, null).toMillis()).as("attempt " + attempt).isBetween(full / 2, full);
        }
        assertThat(backoff.delay(40, null)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(backoff.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(backoff.delay(1, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void answersAreClassifiedTheSameWayForEveryVendor() {
        VendorDelivery delivery = delivery();
        VendorForwarder any = forwarder();
        assertThat(delivery.read(any, 200, null, "{}").verdict()).isEqualTo(VendorAnswer.Verdict.delivered);
        VendorDelivery.Outcome limited = delivery.read(any, 429, "30", "slow down");
        assertThat(limited.verdict()).isEqualTo(VendorAnswer.Verdict.retry);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(delivery.read(any, 503, null, "").verdict()).isEqualTo(VendorAnswer.Verdict.retry);
        assertThat(delivery.read(any, 408, null, "").verdict()).isEqualTo(VendorAnswer.Verdict.retry);
        VendorDelivery.Outcome bad = delivery.read(any, 400, "5", "{\"error\":\"bad pixel\"}");
        assertThat(bad.verdict()).isEqualTo(VendorAnswer.Verdict.rejected);
        assertThat(bad.message()).isEqualTo("HTTP 400: {\"error\":\"bad pixel\"}");
        assertThat(delivery.read(any, 200, null, "x".repeat(5000)).answer()).hasSize(2000);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        VendorDelivery delivery = delivery();
        assertThat(delivery.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(delivery.retryAfter("Fri, 04 Dec 2026 12:01:30 GMT")).isEqualTo(Duration.ofSeconds(90));
        assertThat(delivery.retryAfter("Fri, 04 Dec 2026 11:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(delivery.retryAfter("soon")).isNull();
        assertThat(delivery.retryAfter("-5")).isNull();
        assertThat(delivery.retryAfter(null)).isNull();
    }

    @Test
    void sealedCredentialsOpenOnlyWithTheirKeyAndForTheirOwnRow() {
        CredentialCipher cipher = cipher("dGFnd2FyZGVuLXRlc3QtY3JlZGVudGlhbHMta2V5LTA=");
        String sealed = cipher.seal("TW-AAAAAAAA", "meta", "{\"accessToken\":\"EAAB-secret\"}");
        assertThat(sealed).startsWith("v1:").doesNotContain("EAAB");
        assertThat(cipher.seal("TW-AAAAAAAA", "meta", "same")).isNotEqualTo(cipher.seal("TW-AAAAAAAA", "meta", "same"));
        assertThat(cipher.open("TW-AAAAAAAA", "meta", sealed)).isEqualTo("{\"accessToken\":\"EAAB-secret\"}");
        assertThatThrownBy(() -> cipher.open("TW-BBBBBBBB", "meta", sealed)).isInstanceOf(CredentialCipher.CredentialsUnreadableException.class);
        assertThatThrownBy(() -> cipher.open("TW-AAAAAAAA", "tiktok", sealed)).isInstanceOf(CredentialCipher.CredentialsUnreadableException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.open("TW-AAAAAAAA", "meta", tampered)).isInstanceOf(CredentialCipher.CredentialsUnreadableException.class);
        CredentialCipher other = cipher("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDE=");
        assertThatThrownBy(() -> other.open("TW-AAAAAAAA", "meta", sealed)).isInstanceOf(CredentialCipher.CredentialsUnreadableException.class);
        assertThatThrownBy(() -> cipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void aTagForwardsItsOwnEventUnderItsUrlConditionAndConsentAndNothingUnderGpc() {
        TagModel marketing = tag(ConsentCategory.marketing, UrlMatch.prefix, "/thank-you");
        TagModel analytics = tag(ConsentCategory.analytics, UrlMatch.any, null);
        CollectedEvent all = event("Purchase", "https://shop.example.com/thank-you?o=1", true, true, false);
        assertThat(ForwardRules.forwards(marketing, all)).isTrue();
        assertThat(ForwardRules.forwards(marketing, event("Lead", "https://shop.example.com/thank-you", true, true, false))).isFalse();
        assertThat(ForwardRules.forwards(marketing, event("Purchase", "https://shop.example.com/cart", true, true, false))).isFalse();
        assertThat(ForwardRules.forwards(marketing, event("Purchase", null, true, true, false))).as("a backend event has no page").isTrue();
        assertThat(ForwardRules.forwards(marketing, event("Purchase", "https://shop.example.com/thank-you", true, false, false))).isFalse();
        assertThat(ForwardRules.forwards(analytics, event("Purchase", "https://shop.example.com/x", true, false, false))).isTrue();
        assertThat(ForwardRules.forwards(analytics, event("Purchase", "https://shop.example.com/x", false, false, false))).isFalse();
        assertThat(ForwardRules.forwards(analytics, event("Purchase", "https://shop.example.com/x", true, true, true))).as("GPC").isFalse();
        assertThat(ForwardRules.forwards(tag(ConsentCategory.necessary, UrlMatch.regex, "["), all)).as("a broken regex matches nothing").isFalse();
    }

    @Test
    void anIabVendorRefusedUnderTcfGetsNothingFromTheServerEvenWithItsCategoryGranted() {
        TagModel google = new TagModel("t2", "GA4", "google", 755, ConsentCategory.marketing, Map.of("tagId", "G-ABC1234567"), "Purchase",
                "purchase", Map.of(), new TagModel.Trigger(TriggerType.custom_event, "purchase", UrlMatch.any, null), null, null, Delivery.server);
        TagModel meta = tag(ConsentCategory.marketing, UrlMatch.any, null);
        CollectedEvent refused = tcf("755,804");
        assertThat(ForwardRules.forwards(google, refused)).isFalse();
        assertThat(ForwardRules.forwards(meta, refused)).as("Meta is not an IAB vendor").isTrue();
        assertThat(ForwardRules.forwards(google, tcf(""))).isTrue();
        assertThat(ForwardRules.forwards(google, tcf("7551"))).isTrue();
        assertThat(ForwardRules.forwards(google, tcf(null))).as("under TCF without the list: refused").isFalse();
        assertThat(ForwardRules.forwards(google, event("Purchase", null, true, true, false))).as("not TCF").isTrue();
    }

    private static CollectedEvent tcf(String refused) {
        return new CollectedEvent("row", "TW-AAAAAAAA", "ev", "Purchase", "browser", NOW, null, null, null, "UA", null, null, true,
                true, "tcf", false, false, false, null, null, null, null, null, null, null, refused);
    }

    private static TagModel tag(ConsentCategory category, UrlMatch match, String url) {
        return new TagModel("t1", "Meta", "meta", null, category, Map.of("pixelId", "123456789012345"), "Purchase", "Purchase", Map.of(),
                new TagModel.Trigger(TriggerType.custom_event, "purchase", match, url), null, null, Delivery.server);
    }

    private static CollectedEvent event(String name, String url, boolean analytics, boolean marketing, boolean notForSale) {
        return new CollectedEvent("row", "TW-AAAAAAAA", "ev", name, "browser", NOW, null, url, null, "UA", null, null, analytics,
                marketing, "banner", notForSale, false, notForSale, null, null, null, null, null, null, null, null);
    }

    private static CredentialCipher cipher(String key) {
        return new CredentialCipher(config(key), System.getProperty("java.io.tmpdir"), "jdbc:h2:mem:x");
    }

    private static ForwardConfiguration config(String key) {
        return new ForwardConfiguration(true, Duration.ofMillis(500), 100, 16, Duration.ofMinutes(2), Duration.ofSeconds(10), 8,
                Duration.ofSeconds(5), Duration.ofHours(1), key, null);
    }

    private static VendorDelivery delivery() {
        return new VendorDelivery(null, null, null, config(null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static VendorForwarder forwarder() {
        return new VendorForwarder() {
            public String vendorId() {
                return "meta";
            }

            public URI defaultBaseUrl() {
                return URI.create("https://graph.facebook.com");
            }

            public List<CredentialField> credentialFields() {
                return List.of();
            }

            public VendorRequest request(Conversion c, Map<String, String> s, Map<String, String> cr, URI b, boolean t) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
