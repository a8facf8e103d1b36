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
import io.micronaut.scheduling.TaskExecutors;
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
 * were. A 2xx is sent only after the events are committed to the database.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class CollectController {

    private final CollectRequests requests;

    CollectController(CollectRequests requests) {
        this.requests = requests;
    }

    @Post(value = "/collect", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<MutableHttpResponse<?>> collect(HttpRequest<?> request, @Nullable @Body byte[] body, @Nullable @QueryValue String c) {
        return requests.handle(request, body, c);
    }

    /** CORS preflight for pages that post JSON (sendBeacon's text/plain needs none): the container is named by ?c=. */
    @Options("/collect")
    @ExecuteOn(TaskExecutors.BLOCKING)
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
