package io.tagwarden.account;

import io.micronaut.security.authentication.Authentication;

/** Reads Tagwarden's attributes off an authentication. */
public final class Principal {

    private Principal() {
    }

    public static long userId(Authentication authentication) {
        Object id = authentication.getAttributes().get("userId");
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("Authentication without a user id");
    }

    public static boolean canEdit(Authentication authentication) {
        return authentication != null && (authentication.getRoles().contains(Role.ADMIN) || authentication.getRoles().contains(Role.EDITOR));
    }
}
