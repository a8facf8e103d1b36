package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The newest stored events of a container, filtered, for the admin app's event browser and the API. */
@Singleton
public class EventBrowser {

    private final CollectedEventRepository events;
    private final Clock clock;

    EventBrowser(CollectedEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    /** Newest first; {@code before} and {@code beforeId} (the last row of the previous page) page back without gaps. */
    public List<CollectedEvent> newest(String containerId, @Nullable String eventName, @Nullable String channel,
                                       @Nullable Instant before, @Nullable String beforeId, int limit) {
        return events.newest(containerId, before == null ? clock.instant().plusSeconds(3600) : before, before == null ? null : beforeId,
                eventName == null || eventName.isBlank() ? null : eventName,
                channel == null || channel.isBlank() ? null : channel, limit);
    }
}
