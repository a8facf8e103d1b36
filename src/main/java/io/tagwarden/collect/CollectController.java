package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.web.ApiError;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /collect}: one event (a JSON object) or a batch (a JSON array), as {@code application/json} or
 * {@code text/plain} (what {@code navigator.sendBeacon} sends). From a page, the request's Origin must be one of the
 * container's allowed origins; from a site's backend, {@code Authorization: Bearer <ingest key>} names the container.
 * 204 when every event was stored (or already was); 200 with per-event results when some were refused; 400 when all
 * were. A 2xx is sent only after the events are committed to the database. The rules are {@link CollectRequests}';
 * most requests are answered by {@link FastPath} before they reach this controller, which takes the rest (HTTP/2,
 * compressed bodies, {@code Expect: 100-continue}, requests pipelined behind another of Micronaut's).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class CollectController {

    private final CollectRequests requests;
    private final HttpClientAddressResolver addresses;

    CollectController(CollectRequests requests, HttpClientAddressResolver addresses) {
        this.requests = requests;
        this.addresses = addresses;
    }

    @Post(value = "/collect", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(FastPath.EXECUTOR)
    CompletableFuture<MutableHttpResponse<?>> collect(HttpRequest<?> request, @Nullable @Body byte[] body, @Nullable @QueryValue String c) {
        HttpHeaders headers = request.getHeaders();
        CollectRequest collect = new CollectRequest(body == null ? new byte[0] : body, c, headers.get(HttpHeaders.AUTHORIZATION),
                headers.getOrigin().orElse(null), headers.get(HttpHeaders.USER_AGENT), "1".equals(headers.get("Sec-GPC")),
                request.getCookies().findCookie(VisitorCookie.NAME).map(Cookie::getValue).orElse(null),
                VisitorCookie.isTls(request.isSecure(), headers.get("X-Forwarded-Proto")), String.valueOf(addresses.resolve(request)));
        return requests.handle(collect).thenApply(CollectController::response);
    }

    private static MutableHttpResponse<?> response(CollectAnswer answer) {
        MutableHttpResponse<Object> response = HttpResponse.status(answer.status());
        if (answer.body() != null) {
            response.body(answer.body());
        }
        answer.headers().forEach(response::header);
        if (answer.cookie() != null) {
            response.cookie(answer.cookie());
        }
        return response;
    }

    /** CORS preflight for pages that post JSON (sendBeacon's text/plain needs none): the container is named by ?c=. */
    @Options("/collect")
    @ExecuteOn(FastPath.EXECUTOR)
    MutableHttpResponse<?> preflight(HttpRequest<?> request, @Nullable @QueryValue String c) {
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin == null || c == null || !requests.originAllowed(c, origin)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
                    "Preflight refused: name the container with ?c=<container id> and send from one of its allowed origins", List.of()));
        }
        return HttpResponse.noContent()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
                .header(HttpHeaders.VARY, "Origin");
    }
}
