package io.tagwarden.forward.vendors;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import io.tagwarden.support.Sha256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules every forwarder keeps, checked on the full fixture (every field set, every vendor's click id present). */
class AllForwardersTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> CREDENTIALS = Map.ofEntries(
            Map.entry("accessToken", "cred-access-token"), Map.entry("apiSecret", "cred-api-secret"),
            Map.entry("developerToken", "cred-developer-token"), Map.entry("customerId", "1234567890"),
            Map.entry("conversionActionId", "42"), Map.entry("consumerKey", "cred-consumer-key"),
            Map.entry("consumerSecret", "cred-consumer-secret"), Map.entry("accessTokenSecret", "cred-token-secret"),
            Map.entry("adAccountId", "549755885175"));

    static Stream<Arguments> forwarders() {
        ObjectMapper json = ObjectMapper.getDefault();
        XOAuth1Signer signer = new XOAuth1Signer(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "nonce");
        return Stream.of(
                Arguments.of(new MetaForwarder(), Map.of("pixelId", "123456789012345"), "Purchase", "fbclid"),
                Arguments.of(new GoogleForwarder(STUB, json), Map.of("tagId", "G-ABC123DEF4"), "purchase", "none"),
                Arguments.of(new GoogleForwarder(STUB, json), Map.of("tagId", "AW-123456789"), "purchase", "gclid"),
                Arguments.of(new LinkedInForwarder(), Map.of("partnerId", "1234567", "conversionId", "12345678"), "conversion", "li_fat_id"),
                Arguments.of(new XForwarder(signer), Map.of("pixelId", "o8abc", "eventId", "o8abd"), "conversion", "twclid"),
                Arguments.of(new TikTokForwarder(json), Map.of("pixelId", "CABCDEF1234567890XYZ"), "CompletePayment", "ttclid"),
                Arguments.of(new RedditForwarder(), Map.of("pixelId", "a2_abc123def456"), "Purchase", "rdt_cid"),
                Arguments.of(new PinterestForwarder(json), Map.of("tagId", "2612345678901"), "checkout", "epik"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forwarders")
    void bodyHasNoNullsInFullOrMinimalForm(VendorForwarder forwarder, Map<String, String> settings, String vendorEvent,
                                           String clickId) {
        Conversion full = Conversions.full(vendorEvent).notForSale().build();
        assertThat(Golden.nullPaths(Golden.parse(Golden.json(forwarder.request(full, settings, CREDENTIALS, STUB, true))), ""))
                .isEmpty();
        assertThat(Golden.nullPaths(Golden.parse(Golden.json(forwarder.request(full, settings, CREDENTIALS, STUB, false))), ""))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forwarders")
    void ipUserAgentAndClickIdsAreSentRawAndNeverHashed(VendorForwarder forwarder, Map<String, String> settings,
                                                        String vendorEvent, String clickId) {
        String json = Golden.json(forwarder.request(Conversions.full(vendorEvent).build(), settings, CREDENTIALS, STUB, false));
        assertThat(json).doesNotContain(Sha256.hex(Conversions.IP)).doesNotContain(Sha256.hex(Conversions.USER_AGENT));
        Conversions.ALL_CLICK_IDS.values().forEach(id -> assertThat(json).doesNotContain(Sha256.hex(id)));
        if (!clickId.equals("none")) {
            assertThat(json).contains(Conversions.ALL_CLICK_IDS.get(clickId));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forwarders")
    void sendsOnlyItsOwnVendorsClickId(VendorForwarder forwarder, Map<String, String> settings, String vendorEvent,
                                       String clickId) {
        String json = Golden.json(forwarder.request(Conversions.full(vendorEvent).build(), settings, CREDENTIALS, STUB, false));
        Conversions.ALL_CLICK_IDS.forEach((name, id) -> {
            if (!name.equals(clickId)) {
                assertThat(json).as("%s must not carry %s", forwarder.vendorId(), name).doesNotContain(id);
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forwarders")
    void vendorIdNamesAVendorFolderAndTheOriginIsHttps(VendorForwarder forwarder, Map<String, String> settings,
                                                       String vendorEvent, String clickId) {
        assertThat(getClass().getResource("/snippets/vendors/" + forwarder.vendorId() + "/descriptor.json"))
                .as("descriptor of %s", forwarder.vendorId()).isNotNull();
        assertThat(forwarder.defaultBaseUrl().getScheme()).isEqualTo("https");
        assertThat(forwarder.defaultBaseUrl().getPath()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forwarders")
    void secretCredentialsGoInHeadersOrQueryNeverInTheBody(VendorForwarder forwarder, Map<String, String> settings,
                                                           String vendorEvent, String clickId) {
        VendorRequest request = forwarder.request(Conversions.full(vendorEvent).build(), settings, CREDENTIALS, STUB, false);
        String body = Golden.json(new VendorRequest(request.method(), STUB, Map.of(), request.body()));
        String addressAndHeaders = request.uri() + " " + request.headers();
        List<String> secrets = forwarder.credentialFields().stream().filter(CredentialField::secret)
                .map(f -> CREDENTIALS.get(f.key())).filter(v -> v != null).toList();
        assertThat(secrets).isNotEmpty();
        secrets.forEach(secret -> assertThat(body).doesNotContain(secret));
        // X signs with its secrets instead of sending them; every other vendor sends its token as given.
        if (!forwarder.vendorId().equals("x")) {
            assertThat(secrets).anyMatch(addressAndHeaders::contains);
        }
    }
}
