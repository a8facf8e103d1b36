package io.tagwarden.web.security;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response (the Content-Security-Policy comes from micronaut-views' CSP filter).
 * Container scripts are meant to be embedded by other sites, so framing rules apply to pages only.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        response.header("X-Frame-Options", "DENY");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }
}
