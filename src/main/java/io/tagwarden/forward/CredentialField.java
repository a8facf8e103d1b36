package io.tagwarden.forward;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One value a vendor's conversion API needs besides the tag's settings: an access token, an API secret, an account
 * id. {@code secret} values are encrypted at rest and never shown again in full; the others (account ids) are
 * shown. {@code required} false means the forwarder works without it (a test event code, say).
 */
@Serdeable
public record CredentialField(String key, String label, String help, boolean secret, boolean required) {
}
