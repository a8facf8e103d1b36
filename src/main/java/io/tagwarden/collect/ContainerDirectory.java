package io.tagwarden.collect;

import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerRepository;
import io.tagwarden.container.ContainerService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the collection endpoints need of a container (its allowed origins and collection settings), cached for
 * {@code tagwarden.collect.container-cache-ttl} so that ingest does not read the container row per request.
 * Unknown ids are cached too (briefly), so a flood of made-up ids does not reach the database either.
 */
@Singleton
class ContainerDirectory {

    private static final int MAX_ENTRIES = 100_000;

    /** A container as collection sees it. */
    record Entry(String id, List<String> allowedOrigins, CollectSettings settings) {

        /** An empty list allows every origin; otherwise the request's origin must be listed. */
        boolean allowsOrigin(String origin) {
            return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
        }
    }

    private record Cached(Optional<Entry> entry, Instant expires) {
    }

    private final ContainerRepository containers;
    private final ContainerService service;
    private final CollectConfiguration config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ContainerDirectory(ContainerRepository containers, ContainerService service, CollectConfiguration config, Clock clock) {
        this.containers = containers;
        this.service = service;
        this.config = config;
        this.clock = clock;
    }

    Optional<Entry> find(String id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.entry();
        }
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        Optional<Entry> entry = load(id);
        cache.put(id, new Cached(entry, now.plus(config.containerCacheTtl())));
        return entry;
    }

    private Optional<Entry> load(String id) {
        Optional<Container> container = containers.findById(id);
        return container.map(c -> new Entry(c.id(), c.allowedOriginList(), service.collectSettings(c)));
    }
}
