package io.tagwarden.forward.vendors;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorAnswer;
import io.tagwarden.forward.VendorRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleForwarderTest {

    private static final URI GA4_STUB = URI.create("http://127.0.0.1:18080");
    private static final URI ADS_STUB = URI.create("http://127.0.0.1:18081");
    private static final Map<String, String> GA4 = Map.of("tagId", "G-ABC123DEF4");
    private static final Map<String, String> ADS = Map.of("tagId", "AW-123456789", "conversionLabel", "AbC-D_efG");
    private static final Map<String, String> CREDENTIALS = Map.of(
            "apiSecret", "ga4-secret",
            "developerToken", "dev-token-abc",
            "accessToken", "ya29.ads-token",
            "customerId", "123-456-7890",
            "conversionActionId", "987654321",
            "loginCustomerId", "111-222-3333");

    private final GoogleForwarder google = new GoogleForwarder(ADS_STUB, ObjectMapper.getDefault());

    @Test
    void ga4PurchaseMatchesTheMeasurementProtocolSpec() {
        Golden.assertMatches(google.request(Conversions.full("purchase").build(), GA4, CREDENTIALS, GA4_STUB, false),
                "google-ga4-full");
    }

    @Test
    void ga4MinimalLeadUsesTheDedupIdAsClientIdAndDeniedConsent() {
        Golden.assertMatches(google.request(Conversions.minimal("Lead", "generate_lead").build(), GA4, CREDENTIALS,
                GA4_STUB, false), "google-ga4-minimal");
    }

    @Test
    void ga4PurchaseWithoutOrderIdUsesTheDedupIdAsTransactionId() {
        VendorRequest request = google.request(Conversions.minimal("Purchase", "purchase").build(), GA4, CREDENTIALS,
                GA4_STUB, false);
        assertThat(Golden.json(request)).contains("\"transaction_id\":\"evt-20261201-0001\"");
    }

    @Test
    void ga4ClientIdIsStablePerVisitor() {
        String first = Golden.json(google.request(Conversions.full("purchase").build(), GA4, CREDENTIALS, GA4_STUB, false));
        Conversions.Builder other = Conversions.full("purchase");
        other.eventId = "evt-other";
        String second = Golden.json(google.request(other.build(), GA4, CREDENTIALS, GA4_STUB, false));
        assertThat(first).contains("\"client_id\":\"tw-visitor-7f3a9c\"");
        assertThat(second).contains("\"client_id\":\"tw-visitor-7f3a9c\"");
    }

    @Test
    void ga4TestEventGoesToTheValidationEndpoint() {
        VendorRequest request = google.request(Conversions.full("purchase").build(), GA4, CREDENTIALS, GA4_STUB, true);
        assertThat(request.uri().getPath()).isEqualTo("/debug/mp/collect");
    }

    @Test
    void ga4ValidationMessagesAreARejection() {
        VendorAnswer answer = google.readSuccess(200,
                "{\"validationMessages\":[{\"fieldPath\":\"events\",\"description\":\"Event name is reserved.\"}]}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.rejected);
        assertThat(answer.message()).contains("Event name is reserved.");
    }

    @Test
    void adsPurchaseMatchesTheUploadClickConversionsSpec() {
        Golden.assertMatches(google.request(Conversions.full("purchase").build(), ADS, CREDENTIALS, GA4_STUB, false),
                "google-ads-full");
    }

    @Test
    void adsMinimalConversionWithOnlyAGbraid() {
        Map<String, String> credentials = new HashMap<>(CREDENTIALS);
        credentials.remove("loginCustomerId");
        Golden.assertMatches(google.request(Conversions.minimal("Lead", "generate_lead").clickId("gbraid", "0AAAAA-test-gbraid")
                .build(), ADS, credentials, GA4_STUB, false), "google-ads-minimal");
    }

    @Test
    void adsHashedPhoneIsTheE164HashWithPlus() {
        String json = Golden.json(google.request(Conversions.full("purchase").noClickIds().build(), ADS, CREDENTIALS,
                GA4_STUB, false));
        assertThat(json).contains("\"hashed_phone_number\":\"" + Conversions.PHONE_E164_SHA256 + "\"")
                .doesNotContain(Conversions.PHONE_SHA256);
    }

    @Test
    void adsConversionWithoutClickIdOrHashedIdentifierCannotBeDelivered() {
        assertThatThrownBy(() -> google.request(Conversions.full("purchase").noClickIds().noIdentifiers().build(), ADS,
                CREDENTIALS, GA4_STUB, false))
                .isInstanceOf(ForwardingException.class).hasMessageContaining("gclid");
    }

    @Test
    void adsTestEventIsValidateOnly() {
        String json = Golden.json(google.request(Conversions.full("purchase").build(), ADS, CREDENTIALS, GA4_STUB, true));
        assertThat(json).contains("\"validate_only\":true");
        assertThat(Golden.json(google.request(Conversions.full("purchase").build(), ADS, CREDENTIALS, GA4_STUB, false)))
                .doesNotContain("validate_only");
    }

    @Test
    void adsPartialFailureIsARejection() {
        VendorAnswer answer = google.readSuccess(200, "{\"partialFailureError\":{\"code\":3,"
                + "\"message\":\"The click is too old.\"},\"results\":[{}]}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.rejected);
        assertThat(answer.message()).contains("The click is too old.");
        assertThat(google.readSuccess(200, "{\"results\":[{\"gclid\":\"x\"}]}").verdict())
                .isEqualTo(VendorAnswer.Verdict.delivered);
    }

    @Test
    void floodlightTagsHaveNoConversionApi() {
        assertThatThrownBy(() -> google.request(Conversions.full("purchase").build(), Map.of("tagId", "DC-1234567"),
                CREDENTIALS, GA4_STUB, false))
                .isInstanceOf(ForwardingException.class).hasMessageContaining("Floodlight has no conversion API supported here");
    }

    @Test
    void accountIdsAreShownAndTokensAreSecret() {
        assertThat(google.vendorId()).isEqualTo("google");
        assertThat(google.credentialFields()).extracting(f -> f.key() + ":" + f.secret())
                .contains("apiSecret:true", "developerToken:true", "accessToken:true", "customerId:false",
                        "conversionActionId:false", "loginCustomerId:false");
    }
}
