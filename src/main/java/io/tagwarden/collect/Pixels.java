package io.tagwarden.collect;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
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
 * The image pixel's rules: {@code c} container, {@code e} event name (default {@code email_open}), {@code eid} event
 * id, {@code url} page, {@code consent} the categories the sender has consent for ({@code analytics,marketing}),
 * {@code em} SHA-256 of the recipient's normalized email; any other parameter is kept as a custom parameter.
 * Probable machine opens (mail privacy proxies, scanners) are flagged ({@link MachineOpens}). A bad query, an unknown
 * container, collection off or a flood store nothing; the answer is the same GIF either way.
 */
@Singleton
class Pixels {

    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    static final String CACHE_CONTROL = "no-store, no-cache, must-revalidate, private";
    private static final Logger LOG = LoggerFactory.getLogger(Pixels.class);
    private static final List<String> RESERVED = List.of("c", "e", "eid", "url", "consent", "em");
    private static final int MAX_PARAMS = 20;

    private final CollectRateLimiter limiter;
    private final ContainerDirectory directory;
    private final EventParser parser;
    private final EventPolicy policy;
    private final EventSink sink;
    private final Clock clock;

    Pixels(CollectRateLimiter limiter, ContainerDirectory directory, EventParser parser, EventPolicy policy, EventSink sink, Clock clock) {
        this.limiter = limiter;
        this.directory = directory;
        this.parser = parser;
        this.policy = policy;
        this.sink = sink;
        this.clock = clock;
    }

    /** Completes once the event is committed (or at once when nothing is stored); never fails. */
    CompletableFuture<Void> record(PixelRequest request) {
        Optional<ContainerDirectory.Entry> container = Optional.ofNullable(request.query().get("c"))
                .filter(c -> EventParser.CONTAINER.matcher(c).matches()).flatMap(directory::find);
        if (container.isEmpty() || !container.get().settings().collects() || !limiter.tryAcquire(request.client())) {
            return CompletableFuture.completedFuture(null);
        }
        EventParser.Parsed parsed = parser.parse(eventOf(request), false);
        if (parsed.event() == null) {
            return CompletableFuture.completedFuture(null);
        }
        Arrival arrival = new Arrival(request.client(), request.userAgent(), request.secGpc(), clock.instant(), null, Arrival.Channel.pixel);
        CollectedEvent row = policy.admit(container.get().id(), parsed.event(), arrival, container.get().settings(), null);
        return sink.write(List.of(row)).handle((outcomes, failure) -> {
            if (failure != null) {
                LOG.warn("A pixel event was not stored: {}", failure.getMessage());
            }
            return null;
        });
    }

    /** The query as the JSON event the parser checks, so the pixel follows exactly the rules of /collect. */
    private static JsonNode eventOf(PixelRequest request) {
        Map<String, JsonNode> event = new LinkedHashMap<>();
        Map<String, JsonNode> params = new LinkedHashMap<>();
        Map<String, String> query = request.query();
        event.put("event", JsonNode.createStringNode(Optional.ofNullable(query.get("e")).orElse("email_open")));
        Optional.ofNullable(query.get("eid")).ifPresent(v -> event.put("event_id", JsonNode.createStringNode(v)));
        Optional.ofNullable(query.get("url")).or(() -> Optional.ofNullable(request.referer()))
                .ifPresent(v -> event.put("url", JsonNode.createStringNode(v)));
        String consent = Optional.ofNullable(query.get("consent")).orElse("");
        event.put("consent", JsonNode.createObjectNode(Map.of(
                "analytics", JsonNode.createStringNode(consent.contains("analytics") ? "granted" : "unknown"),
                "marketing", JsonNode.createStringNode(consent.contains("marketing") ? "granted" : "unknown"),
                "source", JsonNode.createStringNode("pixel"))));
        Optional.ofNullable(query.get("em")).ifPresent(v -> event.put("user", JsonNode.createObjectNode(Map.of("email", JsonNode.createStringNode(v)))));
        for (Map.Entry<String, String> p : query.entrySet()) {
            if (!RESERVED.contains(p.getKey()) && params.size() < MAX_PARAMS) {
                params.put(p.getKey(), JsonNode.createStringNode(p.getValue()));
            }
        }
        if (!params.isEmpty()) {
            event.put("params", JsonNode.createObjectNode(params));
        }
        return JsonNode.createObjectNode(event);
    }
}
