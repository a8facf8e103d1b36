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

    private record Cached(int version, List<TagModel> tags, Instant expires) {
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

    /** The live version's server-delivered tags; the snapshot is parsed again only when a newer version is published. */
    List<TagModel> of(String containerId) {
        Instant now = clock.instant();
        Cached cached = cache.get(containerId);
        if (cached == null || !cached.expires().isAfter(now)) {
            int latest = versions.findLatestNumber(containerId).orElse(0);
            List<TagModel> tags = cached != null && cached.version() == latest ? cached.tags() : load(containerId, latest);
            cached = new Cached(latest, tags, now.plus(ttl));
            cache.put(containerId, cached);
        }
        return cached.tags();
    }

    private List<TagModel> load(String containerId, int number) {
        if (number == 0) {
            return List.of();
        }
        return versions.findByContainerIdAndNumber(containerId, number)
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
