package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sends one conversion to its vendor and reads the answer, the same way for every vendor: 2xx is read by the forwarder
 * (some vendors report errors inside a 2xx); 429 is retried after the vendor's {@code Retry-After}; 408, 5xx, timeouts
 * and connection failures are retried with backoff; any other 4xx is rejected with the vendor's message. Credentials
 * appear in the request only, never in the outcome's message.
 */
@Singleton
class VendorDelivery {

    /** What happened: the verdict, the vendor's HTTP status (null when none came back), a message, the answer's start. */
    record Outcome(VendorAnswer.Verdict verdict, @Nullable Integer httpStatus, String message, @Nullable Duration retryAfter,
                   String answer) {
    }

    private static final int MAX_ANSWER = 2000;

    private final HttpClient http;
    private final VendorEndpoints endpoints;
    private final JsonMapper json;
    private final ForwardConfiguration config;
    private final Clock clock;

    VendorDelivery(HttpClient http, VendorEndpoints endpoints, JsonMapper json, ForwardConfiguration config, Clock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    Outcome send(VendorForwarder forwarder, Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                 boolean test) {
        java.util.List<String> missing = VendorCredentials.missing(forwarder, credentials.keySet());
        if (!missing.isEmpty()) {
            return new Outcome(VendorAnswer.Verdict.rejected, null, "no " + forwarder.vendorId() + " credentials (missing "
                    + String.join(", ", missing) + "): set them on the container's Forwarding page, then retry", null, "");
        }
        VendorRequest request;
        try {
            request = forwarder.request(conversion, settings, credentials, endpoints.baseUrl(forwarder), test);
        } catch (ForwardingException e) {
            return new Outcome(VendorAnswer.Verdict.rejected, null, redact(e.getMessage(), credentials), null, "");
        } catch (IllegalArgumentException e) {
            // e.g. an account id that cannot be part of the vendor's address
            return new Outcome(VendorAnswer.Verdict.rejected, null, "the " + forwarder.vendorId() + " request cannot be built from "
                    + "these settings and credentials (" + e.getClass().getSimpleName() + "): check them on the Forwarding page", null, "");
        }
        HttpResponse<String> response;
        try {
            response = http.send(toHttp(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Outcome(VendorAnswer.Verdict.retry, null, "no answer within " + config.timeout().toSeconds() + " s", null, "");
        } catch (IOException e) {
            return new Outcome(VendorAnswer.Verdict.retry, null, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(VendorAnswer.Verdict.retry, null, "interrupted (shutting down)", null, "");
        }
        Outcome read = read(forwarder, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body());
        return new Outcome(read.verdict(), read.httpStatus(), redact(read.message(), credentials), read.retryAfter(),
                redact(read.answer(), credentials));
    }

    /**
     * A vendor's answer may echo what it was sent (Graph's "Malformed access token …", a gateway's error page with the
     * request address): every credential value and credential-looking query parameter is masked before the answer is
     * stored, shown or logged.
     */
    static String redact(@Nullable String text, Map<String, String> credentials) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (String value : credentials.values()) {
            if (value != null && value.length() >= 6) {
                out = out.replace(value, "••••");
            }
        }
        return out.replaceAll("(?i)(access_token|api_secret|oauth_signature|oauth_token)=[^&\\s\"]+", "$1=••••");
    }

    Outcome read(VendorForwarder forwarder, int status, @Nullable String retryAfterHeader, @Nullable String body) {
        String answer = body == null ? "" : body.length() > MAX_ANSWER ? body.substring(0, MAX_ANSWER) : body;
        Duration retryAfter = retryAfter(retryAfterHeader);
        if (status >= 200 && status < 300) {
            VendorAnswer a = forwarder.readSuccess(status, answer);
            return new Outcome(a.verdict(), status, a.message(), a.retryAfter(), answer);
        }
        String message = "HTTP " + status + (answer.isBlank() ? "" : ": " + answer);
        if (status == 429 || status == 408 || status >= 500) {
            return new Outcome(VendorAnswer.Verdict.retry, status, message, retryAfter, answer);
        }
        return new Outcome(VendorAnswer.Verdict.rejected, status, message, null, answer);
    }

    private HttpRequest toHttp(VendorRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(config.timeout());
        request.headers().forEach(builder::header);
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            if (request.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.body())));
        }
        return builder.build();
    }

    /** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
