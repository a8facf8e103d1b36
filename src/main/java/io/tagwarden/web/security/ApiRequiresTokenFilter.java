package io.tagwarden.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tagwarden.web.ApiError;

import java.util.List;

/**
 * The JSON API changes things only for requests carrying an API token ({@code Authorization: Bearer tw_…}),
 * never on the strength of a browser's session cookie: the CSRF filter does not look at JSON bodies, so a
 * cookie alone must not be enough. Issuing a token ({@code POST /api/tokens}) is the one exception.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class ApiRequiresTokenFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> requireToken(HttpRequest<?> request) {
        if (request.getPath().equals("/api/tokens")) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError(401,
                "The JSON API needs an API token: send Authorization: Bearer <token> (POST /api/tokens issues one)", List.of()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
