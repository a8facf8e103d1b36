package io.tagwarden.account;

import java.security.SecureRandom;
import java.util.Base64;

/** API tokens: 32 random bytes, URL-safe, prefixed {@code tw_}; stored as SHA-256. */
final class TokenHashing {

    static final String PREFIX = "tw_";

    private TokenHashing() {
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        return io.tagwarden.support.Sha256.hex(token);
    }
}
