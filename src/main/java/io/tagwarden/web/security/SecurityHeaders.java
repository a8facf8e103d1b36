package io.tagwarden.web.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The security headers every answer carries, whoever writes it ({@link SecurityHeadersFilter} for Micronaut's answers,
 * the collection endpoints' Netty fast path for theirs). The Content-Security-Policy is
 * {@code tagwarden.security.content-security-policy}; a page may set its own policy and framing rule instead.
 */
@Singleton
public class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    private static final Set<String> PAGE_MAY_OVERRIDE = Set.of(CSP, "X-Frame-Options");

    private final Map<String, String> headers;

    SecurityHeaders(@Value("${tagwarden.security.content-security-policy}") String contentSecurityPolicy) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(CSP, contentSecurityPolicy);
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "strict-origin-when-cross-origin");
        all.put("X-Frame-Options", "DENY");
        all.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        this.headers = java.util.Collections.unmodifiableMap(all);
    }

    /** Sets each header through {@code set}, except a policy or framing rule the answer has already ({@code present}). */
    public void apply(BiConsumer<String, String> set, Predicate<String> present) {
        headers.forEach((name, value) -> {
            if (!PAGE_MAY_OVERRIDE.contains(name) || !present.test(name)) {
                set.accept(name, value);
            }
        });
    }
}
