package io.tagwarden.collect;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Row ids for stored events and their forwarding jobs: UUID version 7 (RFC 9562), 48 bits of milliseconds then random bits, so new rows land at
 * the end of the primary-key index instead of all over it (which makes each group commit write far fewer pages).
 */
@Singleton
public class EventIds {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    EventIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
