package io.tagwarden.tag;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.vendor.Vendor;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false)
class TagValidatorTest {

    @Inject
    TagValidator validator;
    @Inject
    VendorCatalog catalog;

    @Test
    void acceptsEachVendorsDocumentedExampleForEveryEventItSupports() {
        for (Vendor vendor : catalog.all()) {
            for (String event : vendor.descriptor().events().keySet()) {
                Map<String, String> settings = validator.validate(request(vendor.id(), examples(vendor), event));
                assertThat(settings).as(vendor.id() + " " + event).isNotEmpty();
            }
        }
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        TagRequest bad = new TagRequest("x", "meta", Map.of("pixelId", "12", "colour", "red"), "Teleport",
                TriggerRequest.of(TriggerType.custom_event, null, UrlMatch.regex, "(unclosed"), null, null);
        assertThatThrownBy(() -> validator.validate(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("event", "settings.pixelId", "settings.colour", "trigger.event", "trigger.url"));
    }

    @Test
    void rejectsAMetaPixelIdThatIsNotFifteenOrSixteenDigitsWithTheDescriptorsMessage() {
        assertThatThrownBy(() -> validator.validate(request("meta", Map.of("pixelId", "1234abc"), "Purchase")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("settings.pixelId");
                            assertThat(f.message()).contains("15 or 16 digits");
                        }));
    }

    @Test
    void requiresAConversionOnlySettingForConversionsButNotForPageViews() {
        Map<String, String> partnerOnly = Map.of("partnerId", "123456");
        assertThat(validator.validate(request("linkedin", partnerOnly, "PageView"))).containsEntry("partnerId", "123456");
        assertThatThrownBy(() -> validator.validate(request("linkedin", partnerOnly, "Purchase")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("settings.conversionId"));
    }

    @Test
    void rejectsAnUnknownVendorListingTheKnownOnes() {
        assertThatThrownBy(() -> validator.validate(request("myspace", Map.of(), "PageView")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).message())
                        .contains("unknown vendor 'myspace'").contains("meta"));
    }

    @Test
    void trimsSettingsAndDropsEmptyOptionalOnes() {
        Map<String, String> settings = validator.validate(request("google", Map.of("tagId", "  AW-123456789 ", "conversionLabel", ""), "Purchase"));
        assertThat(settings).containsExactly(Map.entry("tagId", "AW-123456789"));
    }

    @Test
    void aUrlConditionNeedsAValue() {
        TagRequest r = new TagRequest("x", "meta", Map.of("pixelId", "123456789012345"), "PageView",
                TriggerRequest.of(TriggerType.page_load, null, UrlMatch.prefix, " "), null, null);
        assertThatThrownBy(() -> validator.validate(r))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("trigger.url"));
    }

    static TagRequest request(String vendor, Map<String, String> settings, String event) {
        return new TagRequest("tag", vendor, settings, event, TriggerRequest.allPages(), null, null);
    }

    static Map<String, String> examples(Vendor vendor) {
        Map<String, String> settings = new HashMap<>();
        for (VendorDescriptor.Setting s : vendor.descriptor().settings()) {
            settings.put(s.key(), s.example());
        }
        return settings;
    }

    static List<String> vendorsWithEvent(VendorCatalog catalog, String event) {
        return catalog.all().stream().filter(v -> v.descriptor().supportsEvent(event)).map(Vendor::id).toList();
    }
}
