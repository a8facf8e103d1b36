package io.tagwarden.forward.vendors;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.forward.VendorAnswer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TikTokForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("pixelId", "CABCDEF1234567890XYZ");
    private static final Map<String, String> CREDENTIALS = Map.of("accessToken", "tt-access-token", "testEventCode", "TEST98765");

    private final TikTokForwarder tiktok = new TikTokForwarder(ObjectMapper.getDefault());

    @Test
    void fullPurchaseMatchesTheEventsApiSpec() {
        Golden.assertMatches(tiktok.request(Conversions.full("CompletePayment").build(), SETTINGS, CREDENTIALS, STUB, false),
                "tiktok-full");
    }

    @Test
    void minimalLeadCarriesOnlyTheRequiredFields() {
        Golden.assertMatches(tiktok.request(Conversions.minimal("Lead", "SubmitForm").build(), SETTINGS, CREDENTIALS,
                STUB, false), "tiktok-minimal");
    }

    @Test
    void testEventCarriesTheTestCodeAndNotForSaleSetsLimitedDataUse() {
        Golden.assertMatches(tiktok.request(Conversions.minimal("Lead", "SubmitForm").notForSale().build(), SETTINGS,
                CREDENTIALS, STUB, true), "tiktok-test-not-for-sale");
    }

    @Test
    void phoneIsTheE164HashWithPlus() {
        String json = Golden.json(tiktok.request(Conversions.full("CompletePayment").build(), SETTINGS, CREDENTIALS, STUB, false));
        assertThat(json).contains("\"phone\":\"" + Conversions.PHONE_E164_SHA256 + "\"").doesNotContain(Conversions.PHONE_SHA256);
    }

    @Test
    void codeZeroIsDelivered() {
        assertThat(tiktok.readSuccess(200, "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r1\"}").verdict())
                .isEqualTo(VendorAnswer.Verdict.delivered);
    }

    @Test
    void rateLimitCodeInA200IsRetried() {
        VendorAnswer answer = tiktok.readSuccess(200, "{\"code\":40100,\"message\":\"Too many requests\"}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.retry);
        assertThat(answer.message()).contains("40100").contains("Too many requests");
    }

    @Test
    void otherNonZeroCodeInA200IsRejectedWithTikToksMessage() {
        VendorAnswer answer = tiktok.readSuccess(200, "{\"code\":40002,\"message\":\"Invalid pixel code\"}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.rejected);
        assertThat(answer.message()).contains("Invalid pixel code");
    }

    @Test
    void answerWithoutACodeIsRetriedRatherThanTakenAsDelivered() {
        assertThat(tiktok.readSuccess(200, "<html>gateway</html>").verdict()).isEqualTo(VendorAnswer.Verdict.retry);
    }
}
