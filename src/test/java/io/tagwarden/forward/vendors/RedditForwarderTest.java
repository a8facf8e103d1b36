package io.tagwarden.forward.vendors;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedditForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("pixelId", "a2_abc123def456");
    private static final Map<String, String> CREDENTIALS = Map.of("accessToken", "rdt-conversion-token", "testId", "t2_test_abc");

    private final RedditForwarder reddit = new RedditForwarder();

    @Test
    void fullPurchaseMatchesTheV3ConversionEventsSpec() {
        Golden.assertMatches(reddit.request(Conversions.full("Purchase").build(), SETTINGS, CREDENTIALS, STUB, false),
                "reddit-full");
    }

    @Test
    void minimalSignUpMapsToItsTrackingType() {
        Golden.assertMatches(reddit.request(Conversions.minimal("CompleteRegistration", "SignUp").build(), SETTINGS,
                CREDENTIALS, STUB, false), "reddit-minimal");
    }

    @Test
    void testEventCarriesTheTestIdUnknownEventsAreCustomAndNotForSaleSetsLimitedDataUse() {
        Golden.assertMatches(reddit.request(Conversions.minimal("Subscribe", "Subscribe").notForSale().build(), SETTINGS,
                CREDENTIALS, STUB, true), "reddit-test-not-for-sale");
    }

    @Test
    void productionEventsNeverCarryTheTestId() {
        assertThat(Golden.json(reddit.request(Conversions.full("Purchase").build(), SETTINGS, CREDENTIALS, STUB, false)))
                .doesNotContain("test_id");
    }

    @Test
    void pageVisitIsATrackingTypeNotACustomEvent() {
        assertThat(Golden.json(reddit.request(Conversions.minimal("PageView", "PageVisit").build(), SETTINGS, CREDENTIALS,
                STUB, false))).contains("\"tracking_type\":\"PAGE_VISIT\"").doesNotContain("custom_event_name");
    }
}
