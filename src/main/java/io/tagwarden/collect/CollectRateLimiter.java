package io.tagwarden.collect;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per client address token buckets (Bucket4j) for the collection endpoints: {@code requests-per-second} sustained
 * with {@code burst} on top. The map of addresses is bounded (least recently seen go first).
 */
@Singleton
class CollectRateLimiter {

    private static final int MAX_TRACKED = 50_000;

    private final CollectConfiguration config;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    CollectRateLimiter(CollectConfiguration config) {
        this.config = config;
    }

    boolean tryAcquire(String clientAddress) {
        return buckets.computeIfAbsent(clientAddress, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(config.burst())
                        .refillGreedy(config.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build()).tryConsume(1);
    }
}
