package io.tagwarden.account;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A token just created: the only time its value is shown. */
@Serdeable
public record IssuedToken(long id, String name, String token, Instant createdAt) {
}
