package io.tagwarden.forward.vendors;

import io.tagwarden.forward.ForwardingException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkedInForwarderTest {

    private static final URI STUB = URI.create("http://127.0.0.1:18080");
    private static final Map<String, String> SETTINGS = Map.of("partnerId", "1234567", "conversionId", "12345678");
    private static final Map<String, String> CREDENTIALS = Map.of("accessToken", "AQX-linkedin-token");

    private final LinkedInForwarder linkedin = new LinkedInForwarder();

    @Test
    void fullConversionMatchesTheConversionsApiSpecWithTheDefaultVersion() {
        Golden.assertMatches(linkedin.request(Conversions.full("conversion").build(), SETTINGS, CREDENTIALS, STUB, false),
                "linkedin-full");
    }

    @Test
    void minimalConversionWithOnlyTheClickIdAndAConfiguredVersion() {
        Golden.assertMatches(linkedin.request(Conversions.minimal("Lead", "conversion")
                        .clickId("li_fat_id", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff").build(), SETTINGS,
                Map.of("accessToken", "AQX-linkedin-token", "linkedinVersion", "202501"), STUB, false), "linkedin-minimal");
    }

    @Test
    void valueWithoutCurrencyIsLeftOutBecauseLinkedInNeedsBoth() {
        String json = Golden.json(linkedin.request(Conversions.minimal("Lead", "conversion").clickId("li_fat_id", "u")
                .param("value", 10).build(), SETTINGS, CREDENTIALS, STUB, false));
        assertThat(json).doesNotContain("conversionValue");
    }

    @Test
    void conversionWithoutEmailOrClickIdCannotBeDelivered() {
        assertThatThrownBy(() -> linkedin.request(Conversions.minimal("Lead", "conversion").build(), SETTINGS,
                CREDENTIALS, STUB, false)).isInstanceOf(ForwardingException.class).hasMessageContaining("li_fat_id");
    }

    @Test
    void pageViewsAreNotSentAsConversions() {
        assertThatThrownBy(() -> linkedin.request(Conversions.full("PageView").build(), SETTINGS, CREDENTIALS, STUB, false))
                .isInstanceOf(ForwardingException.class);
    }

    @Test
    void versionIsAnOptionalShownSettingNextToTheSecretToken() {
        assertThat(linkedin.vendorId()).isEqualTo("linkedin");
        assertThat(linkedin.defaultBaseUrl()).isEqualTo(URI.create("https://api.linkedin.com"));
        assertThat(linkedin.credentialFields()).extracting(f -> f.key() + ":" + f.secret() + ":" + f.required())
                .containsExactly("accessToken:true:true", "linkedinVersion:false:false");
    }
}
