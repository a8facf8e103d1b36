package io.tagwarden.collect;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-container ingest keys for a site's backend ({@code Authorization: Bearer twk_…} on {@code POST /collect}).
 * A key is 32 random bytes, shown once; a new key replaces the old one at once. Verified keys are cached briefly
 * (by hash, for {@link #CACHE_TTL}) so server-to-server ingest does not read the key table per request; a key replaced
 * or revoked on another instance stops working here within that time.
 */
@Singleton
public class IngestKeys {

    static final String PREFIX = "twk_";
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(30);

    /** A key as its owner sees it once, right after it is made. */
    @Serdeable
    public record Issued(String containerId, String key, String prefix, Instant createdAt) {
    }

    /** What is shown about an existing key. */
    @Serdeable
    public record Summary(String containerId, String prefix, Instant createdAt) {
    }

    private final IngestKeyRepository keys;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Optional<String> containerId, Instant expires) {
    }

    IngestKeys(IngestKeyRepository keys, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(String containerId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IngestKey row = new IngestKey(containerId, Identifiers.sha256(key), key.substring(0, 10), clock.instant());
        if (keys.existsById(containerId)) {
            keys.update(row);
        } else {
            keys.save(row);
        }
        verified.clear();
        audit.record("ingest_key.issued", containerId, "ingest key " + row.prefix() + "…", null, null);
        return new Issued(containerId, key, row.prefix(), row.createdAt());
    }

    @Transactional
    public Optional<Summary> summary(String containerId) {
        return keys.findById(containerId).map(k -> new Summary(k.containerId(), k.prefix(), k.createdAt()));
    }

    @Transactional
    public void revoke(String containerId) {
        keys.findById(containerId).ifPresent(k -> {
            keys.deleteById(containerId);
            audit.record("ingest_key.revoked", containerId, "ingest key " + k.prefix() + "…", null, null);
        });
        verified.clear();
    }

    /** The container a key belongs to, if it is a current key. */
    Optional<String> containerOf(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String hash = Identifiers.sha256(key);
        if (verified.size() > 10_000) {
            verified.clear();
        }
        Instant now = clock.instant();
        Verified cached = verified.get(hash);
        if (cached == null || !cached.expires().isAfter(now)) {
            cached = new Verified(keys.findByKeyHash(hash).map(IngestKey::containerId), now.plus(CACHE_TTL));
            verified.put(hash, cached);
        }
        return cached.containerId();
    }
}
