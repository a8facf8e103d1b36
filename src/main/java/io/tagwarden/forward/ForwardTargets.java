package io.tagwarden.forward;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.compile.ContainerModel;
import io.tagwarden.compile.TagModel;
import io.tagwarden.version.VersionRepository;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tags of a container's live (latest published) version that deliver from the server, cached for
 * {@code tagwarden.serve.latest-check-interval} like the served script, so a publish on any instance changes what is
 * forwarded everywhere within that interval.
 */
@Singleton
class ForwardTargets {

    private record Cached(List<TagModel> tags, Instant expires) {
    }

    private final VersionRepository versions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ForwardTargets(VersionRepository versions, ObjectMapper json, Clock clock,
                   @Value("${tagwarden.serve.latest-check-interval:3s}") Duration ttl) {
        this.versions = versions;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    List<TagModel> of(String containerId) {
        Instant now = clock.instant();
        Cached cached = cache.get(containerId);
        if (cached == null || !cached.expires().isAfter(now)) {
            cached = new Cached(load(containerId), now.plus(ttl));
            cache.put(containerId, cached);
        }
        return cached.tags();
    }

    private List<TagModel> load(String containerId) {
        return versions.findLatestNumber(containerId)
                .flatMap(n -> versions.findByContainerIdAndNumber(containerId, n))
                .map(v -> read(v.snapshot()).tags().stream().filter(t -> t.deliveryOrBrowser().fromServer()).toList())
                .orElse(List.of());
    }

    private ContainerModel read(String snapshot) {
        try {
            return json.readValue(snapshot, ContainerModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable version snapshot", e);
        }
    }
}
