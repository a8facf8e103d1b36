package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a job again: exponential ({@code base × 2^(attempt-1)}, capped at {@code max}) with "equal jitter"
 * (half the delay fixed, half random), so failed jobs from one outage do not all come back at the same instant. A
 * vendor's {@code Retry-After} is honoured as given (capped at {@code max}) instead.
 */
@Singleton
class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    @Inject
    Backoff(ForwardConfiguration config, RandomGenerator random) {
        this(config.backoffBase(), config.backoffMax(), random);
    }

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    Duration delay(int attempt, @Nullable Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long cap = max.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long delay = exponential <= 0 || exponential > cap ? cap : exponential;
        long half = delay / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
