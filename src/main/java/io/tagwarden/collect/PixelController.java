package io.tagwarden.collect;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /p.gif?c=<container>&e=<event>&…}: the image pixel for email opens and pages without JavaScript.
 * Always answers the 43-byte transparent GIF with {@code Cache-Control: no-store}, also when the query is bad or
 * the client floods (a mail client must never show a broken image); the event is then simply not stored.
 * Query: {@code c} container, {@code e} event name (default {@code email_open}), {@code eid} event id,
 * {@code url} page, {@code consent} the categories the sender has consent for ({@code analytics,marketing}),
 * {@code em} SHA-256 of the recipient's normalized email; any other parameter is kept as a custom parameter.
 * Probable machine opens (mail privacy proxies, scanners) are flagged ({@link MachineOpens}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class PixelController {

    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    private static final Logger LOG = LoggerFactory.getLogger(PixelController.class);
    private static final List<String> RESERVED = List.of("c", "e", "eid", "url", "consent", "em");
    private static final int MAX_PARAMS = 20;

    private final CollectRateLimiter limiter;
    private final HttpClientAddressResolver addresses;
    private final ContainerDirectory directory;
    private final EventParser parser;
    private final EventPolicy policy;
    private final EventSink sink;
    private final Clock clock;

    PixelController(CollectRateLimiter limiter, HttpClientAddressResolver addresses, ContainerDirectory directory, EventParser parser,
                    EventPolicy policy, EventSink sink, Clock clock) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.directory = directory;
        this.parser = parser;
        this.policy = policy;
        this.sink = sink;
        this.clock = clock;
    }

    @Get("/p.gif")
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<MutableHttpResponse<?>> pixel(HttpRequest<?> request) {
        String client = String.valueOf(addresses.resolve(request));
        Optional<ContainerDirectory.Entry> container = Optional.ofNullable(request.getParameters().get("c"))
                .filter(c -> EventParser.CONTAINER.matcher(c).matches()).flatMap(directory::find);
        if (container.isEmpty() || !container.get().settings().collects() || !limiter.tryAcquire(client)) {
            return CompletableFuture.completedFuture(gif());
        }
        EventParser.Parsed parsed = parser.parse(eventOf(request), false);
        if (parsed.event() == null) {
            return CompletableFuture.completedFuture(gif());
        }
        Arrival arrival = new Arrival(client, request.getHeaders().get(HttpHeaders.USER_AGENT), "1".equals(request.getHeaders().get("Sec-GPC")),
                clock.instant(), null, Arrival.Channel.pixel);
        CollectedEvent row = policy.admit(container.get().id(), parsed.event(), arrival, container.get().settings(), null);
        return sink.write(List.of(row)).handle((outcomes, failure) -> {
            if (failure != null) {
                LOG.warn("A pixel event was not stored: {}", failure.getMessage());
            }
            return gif();
        });
    }

    /** The query as the JSON event the parser checks, so the pixel follows exactly the rules of /collect. */
    private static JsonNode eventOf(HttpRequest<?> request) {
        Map<String, JsonNode> event = new LinkedHashMap<>();
        Map<String, JsonNode> params = new LinkedHashMap<>();
        var query = request.getParameters();
        event.put("event", JsonNode.createStringNode(Optional.ofNullable(query.get("e")).orElse("email_open")));
        Optional.ofNullable(query.get("eid")).ifPresent(v -> event.put("event_id", JsonNode.createStringNode(v)));
        Optional.ofNullable(query.get("url")).or(() -> Optional.ofNullable(request.getHeaders().get(HttpHeaders.REFERER)))
                .ifPresent(v -> event.put("url", JsonNode.createStringNode(v)));
        String consent = Optional.ofNullable(query.get("consent")).orElse("");
        event.put("consent", JsonNode.createObjectNode(Map.of(
                "analytics", JsonNode.createStringNode(consent.contains("analytics") ? "granted" : "unknown"),
                "marketing", JsonNode.createStringNode(consent.contains("marketing") ? "granted" : "unknown"),
                "source", JsonNode.createStringNode("pixel"))));
        Optional.ofNullable(query.get("em")).ifPresent(v -> event.put("user", JsonNode.createObjectNode(Map.of("email", JsonNode.createStringNode(v)))));
        for (String name : query.names()) {
            if (!RESERVED.contains(name) && params.size() < MAX_PARAMS) {
                params.put(name, JsonNode.createStringNode(query.get(name)));
            }
        }
        if (!params.isEmpty()) {
            event.put("params", JsonNode.createObjectNode(params));
        }
        return JsonNode.createObjectNode(event);
    }

    private static MutableHttpResponse<?> gif() {
        return HttpResponse.ok(GIF).contentType("image/gif")
                .header(HttpHeaders.CACHE_CONTROL, "no-store, no-cache, must-revalidate, private")
                .header("Pragma", "no-cache");
    }
}
