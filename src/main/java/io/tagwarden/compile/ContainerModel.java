package io.tagwarden.compile;

import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentMode;

import java.util.List;

/**
 * A container as the compiler sees it: pure data, frozen into a version's snapshot at publish time.
 * Only enabled tags are included; vendor event and parameter names are already resolved.
 */
@Serdeable
public record ContainerModel(String containerId, String name, List<String> allowedOrigins, Consent consent, List<TagModel> tags) {

    /** What applies before the visitor decides, and how long to wait for a consent platform. */
    @Serdeable
    public record Consent(ConsentMode mode, int waitMs) {
    }
}
