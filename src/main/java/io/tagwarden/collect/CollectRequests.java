package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.web.FieldError;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One {@code POST /collect} request, from the raw body to the answer (see {@link CollectController}). */
@Singleton
class CollectRequests {

    private static final Logger LOG = LoggerFactory.getLogger(CollectRequests.class);

    private final CollectConfiguration config;
    private final CollectRateLimiter limiter;
    private final ContainerDirectory directory;
    private final IngestKeys keys;
    private final EventParser parser;
    private final EventPolicy policy;
    private final EventSink sink;
    private final VisitorCookie visitors;
    private final ObjectMapper json;
    private final Clock clock;

    CollectRequests(CollectConfiguration config, CollectRateLimiter limiter, ContainerDirectory directory, IngestKeys keys, EventParser parser, EventPolicy policy, EventSink sink,
                    VisitorCookie visitors, ObjectMapper json, Clock clock) {
        this.config = config;
        this.limiter = limiter;
        this.directory = directory;
        this.keys = keys;
        this.parser = parser;
        this.policy = policy;
        this.sink = sink;
        this.visitors = visitors;
        this.json = json;
        this.clock = clock;
    }

    boolean originAllowed(String containerId, String origin) {
        return EventParser.CONTAINER.matcher(containerId).matches()
                && directory.find(containerId).map(c -> c.allowsOrigin(origin)).orElse(false);
    }

    /** The answer to one request; completes after the accepted events are committed, and never fails. */
    CompletableFuture<CollectAnswer> handle(CollectRequest request) {
        if (!limiter.tryAcquire(request.client())) {
            return done(CollectAnswer.error(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; slow down and retry")
                    .withHeader(HttpHeaders.RETRY_AFTER, "1"));
        }
        byte[] body = request.body();
        if (body.length == 0) {
            return done(CollectAnswer.error(HttpStatus.BAD_REQUEST, "The body is empty: send one event (a JSON object) or a batch (a JSON array)"));
        }
        if (body.length > config.maxBodyBytes()) {
            return done(tooLarge(body.length));
        }
        if (!isUtf8(body)) {
            return done(CollectAnswer.error(HttpStatus.BAD_REQUEST, "The body is not valid UTF-8"));
        }
        Optional<JsonNode> parsed = parse(body);
        if (parsed.isEmpty()) {
            return done(CollectAnswer.error(HttpStatus.BAD_REQUEST, "The body is not valid JSON: send one event (an object) or a batch (an array)"));
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (parsed.get().isArray()) {
            parsed.get().values().forEach(nodes::add);
        } else {
            nodes.add(parsed.get());
        }
        if (nodes.isEmpty()) {
            return done(CollectAnswer.error(HttpStatus.BAD_REQUEST, "The batch is empty"));
        }
        if (nodes.size() > config.maxBatch()) {
            return done(CollectAnswer.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "A batch holds at most " + config.maxBatch() + " events; this one has " + nodes.size()));
        }

        String authorization = request.authorization();
        boolean fromBackend = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<String> keyContainer = fromBackend ? keys.containerOf(authorization.substring(7).strip()) : Optional.empty();
        if (fromBackend && keyContainer.isEmpty()) {
            return done(CollectAnswer.error(HttpStatus.UNAUTHORIZED, "The ingest key is not valid (create one on the container's Install page)"));
        }
        String containerId = request.containerParam() != null ? request.containerParam()
                : keyContainer.orElseGet(() -> containerNamedBy(nodes.get(0)));
        if (containerId == null || !EventParser.CONTAINER.matcher(containerId).matches()) {
            return done(CollectAnswer.error(HttpStatus.BAD_REQUEST, "Name the container: ?c=<container id> or a \"container\" field in the event, "
                    + "such as TW-7K3PQ2AB"));
        }
        Optional<ContainerDirectory.Entry> container = directory.find(containerId);
        if (container.isEmpty()) {
            return done(CollectAnswer.error(HttpStatus.NOT_FOUND, "No container '" + containerId + "'"));
        }
        if (keyContainer.isPresent() && !keyContainer.get().equals(containerId)) {
            return done(CollectAnswer.error(HttpStatus.FORBIDDEN, "This ingest key belongs to another container"));
        }
        if (!fromBackend && !container.get().settings().collects()) {
            return done(CollectAnswer.error(HttpStatus.FORBIDDEN, "First-party collection is off for container " + containerId
                    + " (its settings); a site's backend can still send with the ingest key"));
        }
        String origin = request.origin();
        if (!fromBackend && origin != null && !container.get().allowsOrigin(origin)) {
            return done(CollectAnswer.error(HttpStatus.FORBIDDEN, "Origin " + origin + " is not one of container " + containerId + "'s allowed origins"));
        }
        return admit(request, nodes, container.get(), fromBackend);
    }

    /** A body over {@code max-body-bytes}; {@code size} is -1 when it is not known (a chunked body cut off there). */
    CollectAnswer tooLarge(long size) {
        String was = size < 0 ? "The body is larger than " + config.maxBodyBytes() + " bytes" : "The body is " + size + " bytes";
        return CollectAnswer.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, was + "; at most " + config.maxBodyBytes()
                + " are accepted. Send smaller batches.");
    }

    int maxBodyBytes() {
        return config.maxBodyBytes();
    }

    private CompletableFuture<CollectAnswer> admit(CollectRequest request, List<JsonNode> nodes, ContainerDirectory.Entry container,
                                                   boolean fromBackend) {
        List<IncomingEvent> accepted = new ArrayList<>();
        List<CollectResult.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            EventParser.Parsed parsed = parser.parse(nodes.get(i), fromBackend);
            if (parsed.event() != null && parsed.event().container() != null && !parsed.event().container().equals(container.id())) {
                parsed = new EventParser.Parsed(null, List.of(new FieldError("container", "must be " + container.id() + ", the container of this request")));
            }
            if (parsed.event() == null) {
                rejected.add(new CollectResult.Rejected(i, parsed.errors()));
            } else {
                accepted.add(parsed.event());
            }
        }
        Arrival arrival = new Arrival(request.client(), request.userAgent(), request.secGpc(), clock.instant(),
                visitors.valid(request.visitorCookie()).orElse(null), fromBackend ? Arrival.Channel.server : Arrival.Channel.browser);
        boolean visitorAllowed = !fromBackend && accepted.stream().anyMatch(e -> EventPolicy.allowsVisitorId(e));
        String visitorId = visitorAllowed ? Optional.ofNullable(arrival.visitorCookie()).orElseGet(visitors::newId) : null;
        List<CollectedEvent> rows = accepted.stream()
                .map(e -> policy.admit(container.id(), e, arrival, container.settings(), fromBackend ? e.visitorId() : visitorId))
                .toList();
        return sink.write(rows).handle((outcomes, failure) -> {
            if (failure != null) {
                return storeFailed(failure);
            }
            int duplicates = (int) outcomes.stream().filter(o -> o == EventWriter.Outcome.duplicate).count();
            CollectAnswer answer = rejected.isEmpty() ? CollectAnswer.of(HttpStatus.NO_CONTENT, null)
                    : CollectAnswer.of(accepted.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.OK, new CollectResult(
                    accepted.isEmpty() ? 400 : 200,
                    accepted.isEmpty() ? "No event was stored: every one was refused" : "Some events were refused; the others are stored",
                    accepted.size() - duplicates, duplicates, rejected));
            if (!fromBackend && visitorId != null && !visitorId.equals(arrival.visitorCookie())) {
                answer = answer.withCookie(visitors.set(request.tls(), visitorId));
            } else if (!fromBackend && visitorId == null && arrival.visitorCookie() != null && !accepted.isEmpty()) {
                answer = answer.withCookie(visitors.clear(request.tls()));
            }
            return cors(answer, request.origin());
        });
    }

    private static CollectAnswer cors(CollectAnswer answer, @Nullable String origin) {
        return origin == null ? answer : answer.withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .withHeader(HttpHeaders.VARY, "Origin");
    }

    private CollectAnswer storeFailed(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof EventWriter.WriterBusyException || cause instanceof EventSink.UnavailableException) {
            return CollectAnswer.error(HttpStatus.SERVICE_UNAVAILABLE, cause.getMessage()).withHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        LOG.error("Could not store events", cause);
        return CollectAnswer.error(HttpStatus.INTERNAL_SERVER_ERROR, "The events could not be stored; none of them was. Retry later.");
    }

    @Nullable
    private static String containerNamedBy(JsonNode first) {
        JsonNode container = first.isObject() ? first.get("container") : null;
        return container != null && container.isString() && EventParser.CONTAINER.matcher(container.getStringValue()).matches()
                ? container.getStringValue() : null;
    }

    /** Checked strictly: a lenient decoder would silently turn bad bytes into U+FFFD. */
    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(json.readValue(body, JsonNode.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static CompletableFuture<CollectAnswer> done(CollectAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
