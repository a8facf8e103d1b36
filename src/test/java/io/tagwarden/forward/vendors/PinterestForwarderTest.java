package io.tagwarden.forward.vendors;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorAnswer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinterestForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("tagId", "2612345678901");
    private static final Map<String, String> CREDENTIALS = Map.of("accessToken", "pina-conversion-token", "adAccountId", "549755885175");

    private final PinterestForwarder pinterest = new PinterestForwarder(ObjectMapper.getDefault());

    @Test
    void fullCheckoutMatchesTheConversionsApiSpec() {
        Golden.assertMatches(pinterest.request(Conversions.full("checkout").build(), SETTINGS, CREDENTIALS, STUB, false),
                "pinterest-full");
    }

    @Test
    void minimalPageVisitWithIpAndUserAgentUsesTheApiEventName() {
        Conversions.Builder visit = Conversions.minimal("PageView", "pagevisit").userAgent(Conversions.USER_AGENT);
        visit.ip = Conversions.IP;
        Golden.assertMatches(pinterest.request(visit.build(), SETTINGS, CREDENTIALS, STUB, false), "pinterest-minimal");
    }

    @Test
    void testEventValidatesOnlyAndNotForSaleSetsLimitedDataProcessing() {
        Conversions.Builder cart = Conversions.minimal("AddToCart", "addtocart").userAgent(Conversions.USER_AGENT).notForSale();
        cart.ip = Conversions.IP;
        Golden.assertMatches(pinterest.request(cart.build(), SETTINGS, CREDENTIALS, STUB, true), "pinterest-test-not-for-sale");
    }

    @Test
    void phoneIsTheHashWithoutPlus() {
        String json = Golden.json(pinterest.request(Conversions.full("checkout").build(), SETTINGS, CREDENTIALS, STUB, false));
        assertThat(json).contains("\"ph\":[\"" + Conversions.PHONE_SHA256 + "\"]").doesNotContain(Conversions.PHONE_E164_SHA256);
    }

    @Test
    void eventWithoutEmailOrIpAndUserAgentCannotBeDelivered() {
        assertThatThrownBy(() -> pinterest.request(Conversions.minimal("Lead", "lead").userAgent(Conversions.USER_AGENT).build(),
                SETTINGS, CREDENTIALS, STUB, false)).isInstanceOf(ForwardingException.class).hasMessageContaining("hashed email");
    }

    @Test
    void failedEventInA200IsRejectedWithPinterestsMessage() {
        VendorAnswer answer = pinterest.readSuccess(200, "{\"num_events_received\":1,\"num_events_processed\":0,"
                + "\"events\":[{\"status\":\"failed\",\"error_message\":\"event_time is too old\",\"warning_message\":null}]}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.rejected);
        assertThat(answer.message()).contains("event_time is too old");
    }

    @Test
    void processedEventIsDeliveredAndKeepsAWarning() {
        VendorAnswer answer = pinterest.readSuccess(200, "{\"num_events_received\":1,\"num_events_processed\":1,"
                + "\"events\":[{\"status\":\"processed\",\"error_message\":null,\"warning_message\":\"click_id is malformed\"}]}");
        assertThat(answer.verdict()).isEqualTo(VendorAnswer.Verdict.delivered);
        assertThat(answer.message()).contains("click_id is malformed");
    }

    @Test
    void adAccountIdIsARequiredShownValueAndTheTokenASecret() {
        assertThat(pinterest.credentialFields()).extracting(f -> f.key() + ":" + f.secret() + ":" + f.required())
                .containsExactly("accessToken:true:true", "adAccountId:false:true");
    }
}
