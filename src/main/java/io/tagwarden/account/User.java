package io.tagwarden.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person who signs in to Tagwarden. The password is kept only as an Argon2id hash (PHC string). */
@MappedEntity("app_user")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    User withPasswordHash(String hash, Instant now) {
        return new User(id, username, hash, role, active, createdAt, now);
    }

    User withRole(Role newRole, Instant now) {
        return new User(id, username, passwordHash, newRole, active, createdAt, now);
    }

    User withActive(boolean value, Instant now) {
        return new User(id, username, passwordHash, role, value, createdAt, now);
    }
}
