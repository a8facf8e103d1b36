package io.tagwarden.web.security;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@link SecurityHeaders} on every answer Micronaut writes, unless a page sets a policy of its own (the preview page,
 * which loads vendors' scripts, does). Container scripts are meant to be embedded by other sites; framing rules
 * concern pages only.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    private final SecurityHeaders headers;

    SecurityHeadersFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        headers.apply(response::header, name -> response.getHeaders().contains(name));
    }
}
