package io.tagwarden.web.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response. The Content-Security-Policy is {@code tagwarden.security.content-security-policy}
 * unless a page sets a policy of its own (the preview page, which loads vendors' scripts, does).
 * Container scripts are meant to be embedded by other sites; framing rules concern pages only.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CSP = "Content-Security-Policy";

    private final String contentSecurityPolicy;

    SecurityHeadersFilter(@Value("${tagwarden.security.content-security-policy}") String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(CSP)) {
            response.header(CSP, contentSecurityPolicy);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!response.getHeaders().contains("X-Frame-Options")) {
            response.header("X-Frame-Options", "DENY");
        }
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }
}
