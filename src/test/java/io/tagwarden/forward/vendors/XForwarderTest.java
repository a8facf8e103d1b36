package io.tagwarden.forward.vendors;

import io.tagwarden.forward.ForwardingException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("pixelId", "o8abc", "eventId", "o8abd");
    private static final Map<String, String> CREDENTIALS = Map.of(
            "consumerKey", "x-consumer-key", "consumerSecret", "x-consumer-secret",
            "accessToken", "12345-x-access-token", "accessTokenSecret", "x-token-secret");

    private final XForwarder x = new XForwarder(new XOAuth1Signer(
            Clock.fixed(Instant.parse("2026-12-01T10:16:00Z"), ZoneOffset.UTC), () -> "tagwardenTestNonce0001"));

    /** The golden Authorization header was signed outside this code base from the same inputs. */
    @Test
    void fullConversionMatchesTheConversionApiSpecAndIsSigned() {
        Golden.assertMatches(x.request(Conversions.full("conversion").build(), SETTINGS, CREDENTIALS, STUB, false), "x-full");
    }

    @Test
    void minimalConversionWithOnlyATwclid() {
        Golden.assertMatches(x.request(Conversions.minimal("Lead", "conversion").clickId("twclid", "26abc123-test-twclid")
                .build(), SETTINGS, CREDENTIALS, STUB, false), "x-minimal");
    }

    @Test
    void ipAddressIsSentOnlyTogetherWithTheUserAgent() {
        Conversions.Builder ipOnly = Conversions.minimal("Lead", "conversion").clickId("twclid", "t");
        ipOnly.ip = Conversions.IP;
        assertThat(Golden.json(x.request(ipOnly.build(), SETTINGS, CREDENTIALS, STUB, false))).doesNotContain("ip_address");
    }

    @Test
    void conversionWithoutAnyIdentifierCannotBeDelivered() {
        assertThatThrownBy(() -> x.request(Conversions.minimal("Lead", "conversion").build(), SETTINGS, CREDENTIALS, STUB, false))
                .isInstanceOf(ForwardingException.class).hasMessageContaining("twclid");
    }

    @Test
    void pageViewsAreNotSentAsConversions() {
        assertThatThrownBy(() -> x.request(Conversions.full("PageView").build(), SETTINGS, CREDENTIALS, STUB, false))
                .isInstanceOf(ForwardingException.class);
    }

    @Test
    void allFourOAuthValuesAreRequiredSecrets() {
        assertThat(x.vendorId()).isEqualTo("x");
        assertThat(x.defaultBaseUrl()).isEqualTo(URI.create("https://ads-api.x.com"));
        assertThat(x.credentialFields()).allMatch(f -> f.secret() && f.required()).hasSize(4);
    }
}
