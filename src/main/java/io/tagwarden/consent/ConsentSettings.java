package io.tagwarden.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Which consent signals a container listens to (the first that answers wins), how each one's categories
 * map to Tagwarden's, and Tagwarden's own banner ({@code banner}, null for none: for sites without a CMP). Omitted parts take the documented defaults ({@link #defaults()}).
 */
@Serdeable
public record ConsentSettings(
        @Nullable @Size(max = 5) List<@NotNull @Pattern(regexp = SIGNAL, message = "must be one of tcf, gpp, consent_mode, onetrust, cookiebot") String> signals,
        @Nullable @Valid TcfPurposes tcfPurposes,
        @Nullable @Valid CategoryNames oneTrustGroups,
        @Nullable @Valid CategoryNames cookiebotCategories,
        @Nullable @Valid BannerSettings banner) {

    static final String SIGNAL = "tcf|gpp|consent_mode|onetrust|cookiebot";

    /**
     * TCF purposes whose consent (or legitimate interest where TCF 2.2 allows it) a category needs.
     * Defaults: marketing 1 (storage) + 2, 3, 4, 7 (advertising); analytics 1 + 7, 8, 9, 10 (measurement).
     */
    @Serdeable
    public record TcfPurposes(
            @NotEmpty List<@NotNull @Min(1) @Max(11) Integer> analytics,
            @NotEmpty List<@NotNull @Min(1) @Max(11) Integer> marketing) {
    }

    /** A CMP's own names for our analytics and marketing categories. */
    @Serdeable
    public record CategoryNames(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{1,40}$", message = "must be 1 to 40 letters, digits, _ or -") String analytics,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{1,40}$", message = "must be 1 to 40 letters, digits, _ or -") String marketing) {
    }

    public static ConsentSettings defaults() {
        return new ConsentSettings(List.of("tcf", "gpp", "consent_mode", "onetrust", "cookiebot"),
                new TcfPurposes(List.of(1, 7, 8, 9, 10), List.of(1, 2, 3, 4, 7)),
                new CategoryNames("C0002", "C0004"),
                new CategoryNames("statistics", "marketing"),
                null);
    }

    /** These settings with every omitted part taken from {@link #defaults()}. */
    public ConsentSettings withDefaults() {
        ConsentSettings d = defaults();
        return new ConsentSettings(signals != null ? List.copyOf(signals) : d.signals(),
                tcfPurposes != null ? tcfPurposes : d.tcfPurposes(),
                oneTrustGroups != null ? oneTrustGroups : d.oneTrustGroups(),
                cookiebotCategories != null ? cookiebotCategories : d.cookiebotCategories(),
                banner != null ? banner.withDefaults() : null);
    }
}
