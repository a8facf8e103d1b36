package io.tagwarden.collect;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /p.gif?c=<container>&e=<event>&…}: the image pixel for email opens and pages without JavaScript (rules
 * in {@link Pixels}). Always answers the 43-byte transparent GIF with {@code Cache-Control: no-store}, also when the
 * query is bad or the client floods (a mail client must never show a broken image); the event is then simply not
 * stored. Most hits are answered by {@link FastPath} before they reach Micronaut's router; this controller takes
 * the rest (HTTP/2, pipelined requests) with the same rules.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class PixelController {

    private final HttpClientAddressResolver addresses;
    private final Pixels pixels;

    PixelController(HttpClientAddressResolver addresses, Pixels pixels) {
        this.addresses = addresses;
        this.pixels = pixels;
    }

    @Get("/p.gif")
    @ExecuteOn(FastPath.EXECUTOR)
    CompletableFuture<MutableHttpResponse<?>> pixel(HttpRequest<?> request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : request.getParameters().names()) {
            query.put(name, request.getParameters().get(name));
        }
        PixelRequest hit = new PixelRequest(query, request.getHeaders().get(HttpHeaders.USER_AGENT),
                "1".equals(request.getHeaders().get("Sec-GPC")), request.getHeaders().get(HttpHeaders.REFERER),
                String.valueOf(addresses.resolve(request)));
        return pixels.record(hit).thenApply(done -> HttpResponse.ok(Pixels.GIF).contentType("image/gif")
                .header(HttpHeaders.CACHE_CONTROL, Pixels.CACHE_CONTROL)
                .header("Pragma", "no-cache"));
    }
}
