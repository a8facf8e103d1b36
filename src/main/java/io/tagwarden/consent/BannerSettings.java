package io.tagwarden.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tagwarden's own consent banner. {@code revision}: raise it when the policy changes and every visitor is
 * asked again. {@code texts}: per language (ISO 639-1 code), the first is the fallback.
 */
@Serdeable
public record BannerSettings(
        @Min(1) @Max(1_000_000) int revision,
        @Nullable @Size(min = 1, max = 20) Map<
                @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code such as en") String,
                @Valid BannerTexts> texts) {

    /** What the banner says; every text is shown as plain text, never as HTML. */
    @Serdeable
    public record BannerTexts(
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 1000) String text,
            @NotBlank @Size(max = 40) String acceptAll,
            @NotBlank @Size(max = 40) String rejectAll,
            @NotBlank @Size(max = 40) String customize,
            @NotBlank @Size(max = 40) String save,
            @NotBlank @Size(max = 80) String analytics,
            @NotBlank @Size(max = 80) String marketing) {
    }

    public static BannerTexts englishDefaults() {
        return new BannerTexts("Your privacy",
                "We would like to use cookies and similar technologies to measure our site (analytics) and to show you "
                        + "relevant advertising (marketing). You can accept, reject or choose, and change your mind at any time.",
                "Accept all", "Reject all", "Choose", "Save choice", "Analytics", "Marketing");
    }

    public BannerSettings withDefaults() {
        Map<String, BannerTexts> filled = texts == null || texts.isEmpty()
                ? Map.of("en", englishDefaults()) : new LinkedHashMap<>(texts);
        return new BannerSettings(revision, filled);
    }
}
