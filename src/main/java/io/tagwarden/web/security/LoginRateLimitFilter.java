package io.tagwarden.web.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: each client address may try to sign in (page or API token request)
 * {@code tagwarden.login.attempts-per-minute} times a minute; more answers 429. Addresses are kept in a
 * bounded map. Behind a proxy, configure micronaut.server.client-address-header so the real address counts.
 */
@ServerFilter(value = {"/login", "/api/tokens"}, methods = HttpMethod.POST)
class LoginRateLimitFilter implements Ordered {

    private static final int MAX_TRACKED = 10_000;

    private final HttpClientAddressResolver addresses;
    private final int perMinute;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    LoginRateLimitFilter(HttpClientAddressResolver addresses, @Value("${tagwarden.login.attempts-per-minute:10}") int perMinute) {
        this.addresses = addresses;
        this.perMinute = perMinute;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        String address = String.valueOf(addresses.resolve(request));
        Bucket bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        if (bucket.tryConsume(1)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                .contentType(MediaType.TEXT_PLAIN_TYPE).body("Too many sign-in attempts; wait a minute and try again.");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
