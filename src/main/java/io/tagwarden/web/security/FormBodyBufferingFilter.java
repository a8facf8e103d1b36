package io.tagwarden.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Works around a Micronaut core 4.10.20 bug: a form POST whose body arrives after its headers can fail with
 * a 500 when the CSRF and session filters run together. Asking for the body here, before the CSRF filter,
 * makes Netty buffer it first. Only the pages' form routes need it: the JSON API is not CSRF-checked, and
 * binding its body twice trips an assertion in Micronaut's body buffer.
 */
@ServerFilter(value = {"/login", "/logout", "/containers/**", "/users/**", "/account/**", "/approvals/**"}, methods = {io.micronaut.http.HttpMethod.POST, io.micronaut.http.HttpMethod.PUT,
        io.micronaut.http.HttpMethod.PATCH, io.micronaut.http.HttpMethod.DELETE})
class FormBodyBufferingFilter implements Ordered {

    @RequestFilter
    void bufferBody(HttpRequest<?> request, @Nullable @Body byte[] body) {
        // nothing to do: binding the body is the point
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 50;
    }
}
