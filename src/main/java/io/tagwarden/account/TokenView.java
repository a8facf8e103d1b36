package io.tagwarden.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A token as lists show it: its name and first characters, never its value. */
@Serdeable
public record TokenView(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {

    static TokenView of(ApiToken t) {
        return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt());
    }
}
