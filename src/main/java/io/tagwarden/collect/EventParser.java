package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.web.FieldError;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One JSON event object → {@link IncomingEvent}, or every field at fault. Types and sizes are checked here, at the
 * boundary; identifiers are normalized and hashed here, so a raw email or phone number goes no further.
 */
@Singleton
class EventParser {

    static final Pattern EVENT_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.:-]{0,99}$");
    static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    static final Pattern CONTAINER = Pattern.compile("^TW-[A-Z0-9]{1,13}$");
    private static final Pattern PARAM_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern SOURCE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Pattern CLICK_ID = Pattern.compile("^[\\x21-\\x7e]{1,500}$");
    private static final Pattern VISITOR_ID = Pattern.compile("^[A-Za-z0-9_-]{16,40}$");
    private static final Set<String> FIELDS = Set.of("container", "event", "event_id", "time", "url", "referrer", "consent",
            "click_ids", "params", "user", "ip", "user_agent", "visitor_id");
    private static final Set<String> IDENTIFIER_NAMES = Set.of("email", "e_mail", "mail", "em", "phone", "phone_number", "ph", "tel",
            "mobile", "external_id", "user_id", "userid", "customer_id", "first_name", "last_name", "fn", "ln", "address", "ip");
    private static final Pattern LOOKS_LIKE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final int MAX_URL = 2000;
    private static final int MAX_CUSTOM_PARAMS = 30;
    private static final Duration OLDEST = Duration.ofDays(90);
    private static final Duration NEWEST = Duration.ofHours(1);

    private final ObjectMapper json;
    private final ClickIdNames clickIdNames;
    private final Clock clock;

    EventParser(ObjectMapper json, ClickIdNames clickIdNames, Clock clock) {
        this.json = json;
        this.clickIdNames = clickIdNames;
        this.clock = clock;
    }

    /** What came of one event: the event, or the reasons it was refused. */
    record Parsed(@Nullable IncomingEvent event, List<FieldError> errors) {
    }

    /** {@code fromBackend}: sent with the container's ingest key, so ip, user_agent and visitor_id may be given. */
    Parsed parse(JsonNode node, boolean fromBackend) {
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            return new Parsed(null, List.of(new FieldError("", "each event must be a JSON object")));
        }
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            if (!FIELDS.contains(field.getKey())) {
                errors.add(new FieldError(field.getKey(), "is not an event field (allowed: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")"));
            }
        }
        String container = text(node, "container", CONTAINER, "must be a container id such as TW-7K3PQ2AB", errors);
        String event = text(node, "event", EVENT_NAME, "must be 1 to 100 letters, digits, _ . : or -, starting with a letter", errors);
        if (event == null && node.get("event") == null) {
            errors.add(new FieldError("event", "is required"));
        }
        String eventId = text(node, "event_id", EVENT_ID, "must be 1 to 100 letters, digits, _ . : or -", errors);
        Instant time = time(node.get("time"), errors);
        String url = bounded(node, "url", MAX_URL, errors);
        String referrer = bounded(node, "referrer", MAX_URL, errors);
        ConsentClaim consent = consent(node.get("consent"), errors);
        Map<String, String> clickIds = clickIds(node.get("click_ids"), errors);
        String params = params(node.get("params"), errors);
        IncomingEvent.HashedUser user = user(node.get("user"), errors);
        String ip = null;
        String userAgent = null;
        String visitorId = null;
        for (String backendOnly : List.of("ip", "user_agent", "visitor_id")) {
            if (!fromBackend && node.get(backendOnly) != null) {
                errors.add(new FieldError(backendOnly, "is accepted only from a site's backend, with the container's ingest key"));
            }
        }
        if (fromBackend) {
            ip = text(node, "ip", Pattern.compile("^[0-9a-fA-F:.]{2,45}$"), "must be an IPv4 or IPv6 address", errors);
            if (ip != null && IpAddresses.parse(ip).isEmpty()) {
                errors.add(new FieldError("ip", "must be an IPv4 or IPv6 address"));
            }
            userAgent = bounded(node, "user_agent", 500, errors);
            visitorId = text(node, "visitor_id", VISITOR_ID, "must be a Tagwarden visitor id (16 to 40 letters, digits, _ or -)", errors);
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new IncomingEvent(container, event, eventId, time, url, referrer, consent, clickIds, params, user,
                ip, userAgent, visitorId), List.of());
    }

    @Nullable
    private static String text(JsonNode node, String field, Pattern pattern, String message, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !pattern.matcher(value.getStringValue()).matches()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value.getStringValue();
    }

    @Nullable
    private static String bounded(JsonNode node, String field, int max, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String text = value.getStringValue();
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return text;
    }

    @Nullable
    private Instant time(@Nullable JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError("time", "must be a number: Unix time in milliseconds"));
            return null;
        }
        Instant time = Instant.ofEpochMilli(value.getNumberValue().longValue());
        Instant now = clock.instant();
        if (time.isBefore(now.minus(OLDEST)) || time.isAfter(now.plus(NEWEST))) {
            errors.add(new FieldError("time", "must be Unix time in milliseconds within the last 90 days"));
            return null;
        }
        return time;
    }

    private static ConsentClaim consent(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return ConsentClaim.NONE;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("consent", "must be an object such as {\"analytics\": \"granted\", \"marketing\": \"denied\"}"));
            return ConsentClaim.NONE;
        }
        ConsentClaim.Decision analytics = decision(node, "analytics", errors);
        ConsentClaim.Decision marketing = decision(node, "marketing", errors);
        String source = text(node, "source", SOURCE, "must be the name of the signal that decided, such as banner or tcf", errors);
        JsonNode gpc = node.get("gpc");
        if (gpc != null && !gpc.isNull() && !gpc.isBoolean()) {
            errors.add(new FieldError("consent.gpc", "must be true or false"));
        }
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            if (!Set.of("analytics", "marketing", "necessary", "source", "gpc", "refused_vendors").contains(field.getKey())) {
                errors.add(new FieldError("consent." + field.getKey(),
                        "is not a consent field (analytics, marketing, source, gpc, refused_vendors)"));
            }
        }
        return new ConsentClaim(analytics, marketing, source, gpc != null && gpc.isBoolean() && gpc.getBooleanValue(),
                refusedVendors(node.get("refused_vendors"), errors));
    }

    /** The IAB vendor ids the page's TCF signal refused: an array of at most 200 integers from 1 to 65535. */
    private static @Nullable List<Integer> refusedVendors(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        if (node.isArray() && node.size() <= 200) {
            for (JsonNode id : node.values()) {
                if (id.isNumber() && id.getNumberValue().doubleValue() == id.getIntValue() && id.getIntValue() >= 1 && id.getIntValue() <= 65535) {
                    ids.add(id.getIntValue());
                } else {
                    ids = null;
                    break;
                }
            }
            if (ids != null) {
                return List.copyOf(new java.util.TreeSet<>(ids));
            }
        }
        errors.add(new FieldError("consent.refused_vendors", "must be an array of at most 200 IAB vendor ids (integers 1 to 65535)"));
        return null;
    }

    private static ConsentClaim.Decision decision(JsonNode consent, String category, List<FieldError> errors) {
        JsonNode value = consent.get(category);
        if (value == null || value.isNull()) {
            return ConsentClaim.Decision.unknown;
        }
        if (value.isString()) {
            for (ConsentClaim.Decision d : ConsentClaim.Decision.values()) {
                if (d.name().equals(value.getStringValue())) {
                    return d;
                }
            }
        }
        errors.add(new FieldError("consent." + category, "must be granted, denied or unknown"));
        return ConsentClaim.Decision.unknown;
    }

    private Map<String, String> clickIds(@Nullable JsonNode node, List<FieldError> errors) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("click_ids", "must be an object such as {\"fbclid\": \"IwAR…\"}"));
            return result;
        }
        for (Map.Entry<String, JsonNode> id : node.entries()) {
            String field = "click_ids." + id.getKey();
            if (!clickIdNames.all().contains(id.getKey())) {
                errors.add(new FieldError(field, "is not a known click id (" + String.join(", ", clickIdNames.all()) + ")"));
            } else if (!id.getValue().isString() || !CLICK_ID.matcher(id.getValue().getStringValue()).matches()) {
                errors.add(new FieldError(field, "must be 1 to 500 printable characters without spaces"));
            } else {
                result.put(id.getKey(), id.getValue().getStringValue());
            }
        }
        return result;
    }

    @Nullable
    private String params(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("params", "must be an object such as {\"value\": 42.5, \"currency\": \"EUR\"}"));
            return null;
        }
        int before = errors.size();
        if (node.size() > MAX_CUSTOM_PARAMS) {
            errors.add(new FieldError("params", "must have at most " + MAX_CUSTOM_PARAMS + " parameters"));
        }
        for (Map.Entry<String, JsonNode> p : node.entries()) {
            String field = "params." + p.getKey();
            JsonNode v = p.getValue();
            switch (p.getKey()) {
                case "value" -> {
                    if (!v.isNumber() || !Double.isFinite(v.getNumberValue().doubleValue())) {
                        errors.add(new FieldError(field, "must be a number"));
                    }
                }
                case "currency" -> {
                    if (!v.isString() || !CURRENCY.matcher(v.getStringValue()).matches()) {
                        errors.add(new FieldError(field, "must be an ISO 4217 code such as EUR"));
                    }
                }
                case "num_items" -> {
                    if (!v.isNumber() || v.getNumberValue().doubleValue() < 0 || v.getNumberValue().doubleValue() != Math.rint(v.getNumberValue().doubleValue())) {
                        errors.add(new FieldError(field, "must be a whole number, 0 or more"));
                    }
                }
                case "content_ids" -> {
                    boolean ok = v.isArray() && v.size() <= 100;
                    for (int i = 0; ok && i < v.size(); i++) {
                        ok = v.get(i).isString() && v.get(i).getStringValue().length() <= 100;
                    }
                    if (!ok) {
                        errors.add(new FieldError(field, "must be a list of at most 100 strings of at most 100 characters"));
                    }
                }
                default -> {
                    if (clickIdNames.all().contains(p.getKey().toLowerCase(java.util.Locale.ROOT))) {
                        errors.add(new FieldError(field, "is a click id: send it in click_ids, where consent decides whether it is kept"));
                    } else if (IDENTIFIER_NAMES.contains(p.getKey().toLowerCase(java.util.Locale.ROOT))
                            || (v.isString() && LOOKS_LIKE_EMAIL.matcher(v.getStringValue()).find())) {
                        errors.add(new FieldError(field, "looks like a personal identifier: send it in user (email, phone, external_id), "
                                + "where it is hashed and kept only with marketing consent"));
                    } else if (!PARAM_NAME.matcher(p.getKey()).matches()) {
                        errors.add(new FieldError(field, "must be named with 1 to 40 lowercase letters, digits or _"));
                    } else if (!(v.isNumber() || v.isBoolean() || (v.isString() && v.getStringValue().length() <= 200))) {
                        errors.add(new FieldError(field, "must be a number, true/false or a string of at most 200 characters"));
                    }
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IncomingEvent.HashedUser user(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return IncomingEvent.HashedUser.NONE;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("user", "must be an object such as {\"email\": \"…\", \"phone\": \"+44…\"}"));
            return IncomingEvent.HashedUser.NONE;
        }
        String email = null;
        String phone = null;
        String phoneE164 = null;
        String externalId = null;
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            String name = "user." + field.getKey();
            JsonNode v = field.getValue();
            if (!v.isString() || v.getStringValue().length() > 320) {
                errors.add(new FieldError(name, "must be a string of at most 320 characters"));
                continue;
            }
            switch (field.getKey()) {
                case "email" -> email = Identifiers.email(v.getStringValue()).orElseGet(() -> {
                    errors.add(new FieldError(name, "must be an email address (or its SHA-256 hex digest)"));
                    return null;
                });
                case "phone" -> {
                    var hashes = Identifiers.phone(v.getStringValue());
                    if (hashes.isEmpty()) {
                        errors.add(new FieldError(name, "must be an international phone number with its country code, such as +44 20 7946 0958"));
                    } else {
                        phone = hashes.get().digits();
                        phoneE164 = hashes.get().e164();
                    }
                }
                case "external_id" -> externalId = Identifiers.externalId(v.getStringValue()).orElseGet(() -> {
                    errors.add(new FieldError(name, "must not be empty"));
                    return null;
                });
                default -> errors.add(new FieldError(name, "is not a user field (email, phone, external_id)"));
            }
        }
        return new IncomingEvent.HashedUser(email, phone, phoneE164, externalId);
    }
}
