package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A data subject's erasure request: every event of the container with this visitor id, or with this email
 * (given as the address, hashed here, or as its SHA-256). Exactly one of them.
 */
@Serdeable
public record Erasure(@Nullable String visitorId, @Nullable String email) {

    /** How many events were erased. */
    @Serdeable
    public record Result(String containerId, int erased) {
    }
}
