package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
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
    Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> VALUE.matcher(v).matches());
    }

    String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void set(HttpRequest<?> request, MutableHttpResponse<?> response, String id) {
        response.cookie(base(request, id).maxAge(lifetime));
    }

    void clear(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(base(request, "").maxAge(0));
    }

    private static Cookie base(HttpRequest<?> request, String value) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(isTls(request));
    }

    static boolean isTls(HttpRequest<?> request) {
        @Nullable String forwarded = request.getHeaders().get("X-Forwarded-Proto");
        return request.isSecure() || "https".equalsIgnoreCase(forwarded);
    }
}
