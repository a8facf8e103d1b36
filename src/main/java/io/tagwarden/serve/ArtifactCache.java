package io.tagwarden.serve;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.compile.CompiledArtifact;
import io.tagwarden.container.ContainerRepository;
import io.tagwarden.version.ContainerVersion;
import io.tagwarden.version.VersionPublished;
import io.tagwarden.version.VersionRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published artifacts in memory, gzip included. Pinned versions never change, so they are kept until
 * evicted. The latest version of a container is trusted for {@code tagwarden.serve.latest-check-interval}
 * and then checked against the database, so a publish on another instance is served here within that
 * interval; a publish on this instance is served at once.
 */
@Singleton
public class ArtifactCache {

    private static final int MAX_PINNED = 1_000;

    private record Latest(int number, CompiledArtifact artifact, Instant checkedAt) {
    }

    private final VersionRepository versions;
    private final ContainerRepository containers;
    private final Clock clock;
    private final Duration checkInterval;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Map<String, CompiledArtifact> pinned = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledArtifact> eldest) {
            return size() > MAX_PINNED;
        }
    });

    ArtifactCache(VersionRepository versions, ContainerRepository containers, Clock clock,
                  @Value("${tagwarden.serve.latest-check-interval:3s}") Duration checkInterval) {
        this.versions = versions;
        this.containers = containers;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    /** The latest artifact if it is in memory and fresh: answerable without touching the database. */
    Optional<ScriptLookup> latestIfFresh(String containerId) {
        Latest entry = latest.get(containerId);
        if (entry == null || entry.checkedAt().plus(checkInterval).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(ScriptLookup.found(entry.artifact(), entry.number()));
    }

    Optional<ScriptLookup> pinnedIfCached(String containerId, int number) {
        return Optional.ofNullable(pinned.get(key(containerId, number))).map(a -> ScriptLookup.found(a, number));
    }

    @Transactional
    ScriptLookup latest(String containerId) {
        Optional<Integer> number = versions.findLatestNumber(containerId);
        if (number.isEmpty()) {
            latest.remove(containerId);
            return missingContainerOr(containerId, "Container " + containerId + " has nothing published yet: publish a version first.");
        }
        Latest entry = latest.get(containerId);
        if (entry == null || entry.number() != number.get()) {
            CompiledArtifact artifact = exactArtifact(containerId, number.get()).orElseThrow();
            entry = new Latest(number.get(), artifact, clock.instant());
        } else {
            entry = new Latest(entry.number(), entry.artifact(), clock.instant());
        }
        latest.put(containerId, entry);
        return ScriptLookup.found(entry.artifact(), entry.number());
    }

    @Transactional
    ScriptLookup pinned(String containerId, int number) {
        return exactArtifact(containerId, number).map(a -> ScriptLookup.found(a, number))
                .orElseGet(() -> missingContainerOr(containerId, "Container " + containerId + " has no version " + number + "."));
    }

    @EventListener
    void onPublished(VersionPublished event) {
        latest.remove(event.containerId());
    }

    private Optional<CompiledArtifact> exactArtifact(String containerId, int number) {
        CompiledArtifact cached = pinned.get(key(containerId, number));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CompiledArtifact> loaded = versions.findByContainerIdAndNumber(containerId, number)
                .map(ContainerVersion::artifact).map(CompiledArtifact::of);
        loaded.ifPresent(a -> pinned.put(key(containerId, number), a));
        return loaded;
    }

    private ScriptLookup missingContainerOr(String containerId, String why) {
        return ScriptLookup.missing(containers.existsById(containerId) ? why : "No container " + containerId + ".");
    }

    private static String key(String containerId, int number) {
        return containerId + "@" + number;
    }
}
