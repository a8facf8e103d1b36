package io.tagwarden.container;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;
import io.tagwarden.consent.ConsentMode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A container row: the draft settings a marketer edits. Publishing freezes them into a version. */
@MappedEntity("container")
public record Container(
        @Id String id,
        String name,
        String allowedOrigins,
        ConsentMode consentMode,
        int cmpWaitMs,
        @Nullable String consentSettings,
        @Nullable String collectSettings,
        boolean requireApproval,
        Instant createdAt,
        Instant updatedAt) {

    /** Allowed origins are stored one per line; an origin never contains a line break. */
    public List<String> allowedOriginList() {
        return allowedOrigins.isEmpty() ? List.of() : Arrays.asList(allowedOrigins.split("\n"));
    }

    static String joinOrigins(List<String> origins) {
        return String.join("\n", origins);
    }
}
