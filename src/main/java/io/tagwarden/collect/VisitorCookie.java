package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first-party visitor id: cookie {@code tw_vid} (128 random bits), set by the server (HttpOnly, SameSite=Lax,
 * Secure over TLS, {@code visitor-cookie-days} long) only when an event's consent allows analytics or marketing,
 * and removed when a later event from the same browser says neither is allowed (withdrawal).
 */
@Singleton
class VisitorCookie {

    static final String NAME = "tw_vid";
    private static final Pattern VALUE = Pattern.compile("^[A-Za-z0-9_-]{22}$");

    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;

    VisitorCookie(CollectConfiguration config) {
        this.lifetime = Duration.ofDays(config.visitorCookieDays());
    }

    /** The id the browser sent, if it is one of ours. */
    Optional<String> valid(@Nullable String value) {
        return Optional.ofNullable(value).filter(v -> VALUE.matcher(v).matches());
    }

    String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Cookie set(boolean tls, String id) {
        return base(tls, id).maxAge(lifetime);
    }

    Cookie clear(boolean tls) {
        return base(tls, "").maxAge(0);
    }

    private static Cookie base(boolean tls, String value) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(tls);
    }

    /** Over TLS: on a TLS connection, or behind a proxy that says {@code X-Forwarded-Proto: https}. */
    static boolean isTls(boolean tlsConnection, @Nullable String forwardedProto) {
        return tlsConnection || "https".equalsIgnoreCase(forwardedProto);
    }
}
