package io.tagwarden.account;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A user as the API and pages show it: never the password hash. */
@Serdeable
public record UserView(long id, String username, Role role, boolean active, Instant createdAt) {

    static UserView of(User u) {
        return new UserView(u.id(), u.username(), u.role(), u.active(), u.createdAt());
    }
}
