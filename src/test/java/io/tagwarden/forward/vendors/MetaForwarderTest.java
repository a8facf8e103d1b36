package io.tagwarden.forward.vendors;

import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("pixelId", "123456789012345");
    private static final Map<String, String> CREDENTIALS = Map.of("accessToken", "EAAB-meta-token", "testEventCode", "TEST12345");

    private final MetaForwarder meta = new MetaForwarder();

    @Test
    void fullPurchaseMatchesTheConversionsApiSpec() {
        Golden.assertMatches(meta.request(Conversions.full("Purchase").build(), SETTINGS, CREDENTIALS, STUB, false), "meta-full");
    }

    @Test
    void minimalLeadCarriesOnlyTheRequiredFields() {
        Golden.assertMatches(meta.request(Conversions.minimal("Lead", "Lead").userAgent(Conversions.USER_AGENT).build(),
                SETTINGS, CREDENTIALS, STUB, false), "meta-minimal");
    }

    @Test
    void testEventFromTheAdminAppCarriesTheTestCodeAndNotForSaleSetsLimitedDataUse() {
        Golden.assertMatches(meta.request(Conversions.minimal("Lead", "Lead").userAgent(Conversions.USER_AGENT)
                .notForSale().build(), SETTINGS, CREDENTIALS, STUB, true), "meta-test-not-for-sale");
    }

    @Test
    void productionEventsNeverCarryTheTestCodeEvenWhenOneIsStored() {
        VendorRequest request = meta.request(Conversions.full("Purchase").build(), SETTINGS, CREDENTIALS, STUB, false);
        assertThat(Golden.json(request)).doesNotContain("test_event_code").doesNotContain("TEST12345");
    }

    @Test
    void phoneIsTheHashWithoutPlus() {
        VendorRequest request = meta.request(Conversions.full("Purchase").build(), SETTINGS, CREDENTIALS, STUB, false);
        assertThat(userData(request).get("ph")).isEqualTo(List.of(Conversions.PHONE_SHA256));
    }

    @Test
    void fbcIsBuiltFromTheRawFbclidAndTheReceiveTimeInMilliseconds() {
        VendorRequest request = meta.request(Conversions.full("Purchase").clickId("fbclid", "AbC_123-x").build(),
                SETTINGS, CREDENTIALS, STUB, false);
        assertThat(userData(request).get("fbc")).isEqualTo("fb.1." + Conversions.RECEIVED_AT.toEpochMilli() + ".AbC_123-x");
    }

    @Test
    void eventWithoutUserAgentIsRejectedBecauseMetaRefusesWebsiteEventsWithoutOne() {
        assertThatThrownBy(() -> meta.request(Conversions.minimal("Lead", "Lead").build(), SETTINGS, CREDENTIALS, STUB, false))
                .isInstanceOf(ForwardingException.class).hasMessageContaining("user agent");
    }

    @Test
    void declaresTheAccessTokenAsARequiredSecretAndTheTestCodeAsOptional() {
        assertThat(meta.vendorId()).isEqualTo("meta");
        assertThat(meta.defaultBaseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(meta.credentialFields()).extracting(f -> f.key() + ":" + f.secret() + ":" + f.required())
                .containsExactly("accessToken:true:true", "testEventCode:false:false");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userData(VendorRequest request) {
        Map<String, Object> body = Golden.parse(Golden.json(request));
        Map<String, Object> event = ((List<Map<String, Object>>) ((Map<String, Object>) body.get("body")).get("data")).get(0);
        return (Map<String, Object>) event.get("user_data");
    }
}
