package io.tagwarden.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A personal API token: only its SHA-256 hash and its first characters (to recognise it) are stored. */
@MappedEntity("api_token")
public record ApiToken(
        @Id @GeneratedValue @Nullable Long id,
        Long userId,
        String name,
        String tokenHash,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {
}
