package io.tagwarden.account;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user: name, role and first password (which the user should change). */
@Serdeable
public record UserRequest(
        @NotBlank @Pattern(regexp = UserRequest.USERNAME, message = "must be 3 to 64 lowercase letters, digits, . _ or -") String username,
        @NotBlank @Pattern(regexp = "admin|editor|reviewer", message = "must be admin, editor or reviewer") String role,
        @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {

    static final String USERNAME = "^[a-z0-9._-]{3,64}$";
}
