package io.tagwarden.container;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.collect.CollectSettings;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;

import java.time.Instant;
import java.util.List;

/** A container as the API shows it. */
@Serdeable
public record ContainerView(
        String id,
        String name,
        List<String> allowedOrigins,
        ConsentMode consentMode,
        int cmpWaitMs,
        ConsentSettings consent,
        CollectSettings collection,
        boolean requireApproval,
        @Nullable Integer latestVersion,
        String scriptUrl,
        Instant createdAt,
        Instant updatedAt) {

    static ContainerView of(Container c, ConsentSettings consent, CollectSettings collection, @Nullable Integer latestVersion) {
        return new ContainerView(c.id(), c.name(), c.allowedOriginList(), c.consentMode(), c.cmpWaitMs(), consent, collection, c.requireApproval(),
                latestVersion, "/c/" + c.id() + ".js", c.createdAt(), c.updatedAt());
    }
}
