package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.account.Role;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.FieldError;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/containers/{id}/events}: stored events, newest first, for debugging a set-up. {@code event}
 * filters by name, {@code channel} by browser, server or pixel, {@code before} with {@code beforeId} (the last row's
 * receivedAt and id) (an ISO instant) pages back, {@code limit} is 1 to 500 (default 50).
 * {@code GET …/events/stats?days=30}: the counts the Events page charts.
 * {@code POST /api/containers/{id}/events/erasure}: erase a data subject's events.
 */
@Controller("/api/containers/{id}/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class EventController {

    private final CollectedEventRepository events;
    private final ContainerService containers;
    private final java.time.Clock clock;
    private final PrivacyOperations privacy;
    private final EventStats stats;

    EventController(CollectedEventRepository events, ContainerService containers, java.time.Clock clock, PrivacyOperations privacy,
                    EventStats stats) {
        this.stats = stats;
        this.privacy = privacy;
        this.events = events;
        this.containers = containers;
        this.clock = clock;
    }

    /** Counts per UTC day (events by consent outcome, email opens human and machine) and per event name. */
    @Get("/stats")
    EventStats.Report stats(String id, @Nullable @QueryValue Integer days) {
        containers.get(id);
        int n = days == null ? 30 : days;
        if (n < 1 || n > 366) {
            throw new InvalidInputException(List.of(new FieldError("days", "must be between 1 and 366")));
        }
        return stats.report(id, n);
    }

    /** Data subject erasure: every event of a visitor id or an email in this container. */
    @Post("/erasure")
    @Secured({Role.ADMIN, Role.EDITOR})
    Erasure.Result erase(String id, @Body Erasure request) {
        return privacy.erase(id, request);
    }

    @Get
    @Transactional
    List<CollectedEvent> list(String id, @Nullable @QueryValue String event, @Nullable @QueryValue String channel,
                              @Nullable @QueryValue String before, @Nullable @QueryValue String beforeId,
                              @Nullable @QueryValue Integer limit) {
        containers.get(id);
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw new InvalidInputException(List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        Instant until;
        try {
            until = before == null ? clock.instant().plusSeconds(3600) : Instant.parse(before);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldError("before", "must be an instant such as 2026-12-04T10:00:00Z")));
        }
        return events.newest(id, until, before == null ? null : beforeId, event, channel, n);
    }
}
