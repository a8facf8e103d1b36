package io.tagwarden.compile;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.tagwarden.consent.BannerSettings;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;

import java.util.List;
import java.util.Map;

/**
 * A container as the compiler sees it: pure data, frozen into a version's snapshot at publish time.
 * Only enabled tags are included; vendor event and parameter names are already resolved. {@code clickIds}
 * maps each click-id URL parameter of the vendors in use to the category that may keep it. {@code collect}: whether
 * the script sends each event a tag fired for to the server's first-party {@code /collect} endpoint.
 */
@Serdeable
public record ContainerModel(String containerId, String name, List<String> allowedOrigins, Consent consent, List<TagModel> tags,
                             Map<String, ConsentCategory> clickIds, @Nullable Boolean collect) {

    /** Whether the script sends its events to /collect (versions published before collection existed: no). */
    public boolean collects() {
        return Boolean.TRUE.equals(collect);
    }

    /** What applies before the visitor decides, and how long to wait for a consent platform. */
    @Serdeable
    public record Consent(ConsentMode mode, int waitMs, List<String> signals, ConsentSettings.TcfPurposes tcfPurposes,
                          ConsentSettings.CategoryNames oneTrustGroups, ConsentSettings.CategoryNames cookiebotCategories,
                          @Nullable BannerSettings banner) {

        public static Consent of(ConsentMode mode, int waitMs, ConsentSettings s) {
            return new Consent(mode, waitMs, s.signals(), s.tcfPurposes(), s.oneTrustGroups(), s.cookiebotCategories(), s.banner());
        }
    }
}
