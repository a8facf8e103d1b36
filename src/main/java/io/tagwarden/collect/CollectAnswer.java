package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.tagwarden.web.ApiError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@code POST /collect}, before it is written by either transport: the status, the JSON body if
 * any ({@link ApiError} or {@link CollectResult}), extra headers (CORS, {@code Retry-After}) and the visitor cookie.
 */
record CollectAnswer(HttpStatus status, @Nullable Object body, Map<String, String> headers, @Nullable Cookie cookie) {

    CollectAnswer {
        headers = Map.copyOf(headers);
    }

    static CollectAnswer error(HttpStatus status, String message) {
        return new CollectAnswer(status, new ApiError(status.getCode(), message, List.of()), Map.of(), null);
    }

    static CollectAnswer of(HttpStatus status, @Nullable Object body) {
        return new CollectAnswer(status, body, Map.of(), null);
    }

    CollectAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CollectAnswer(status, body, more, cookie);
    }

    CollectAnswer withCookie(Cookie cookie) {
        return new CollectAnswer(status, body, headers, cookie);
    }
}
