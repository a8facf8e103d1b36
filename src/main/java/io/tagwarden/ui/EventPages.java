package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.account.Principal;
import io.tagwarden.account.Role;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.collect.Erasure;
import io.tagwarden.collect.EventBrowser;
import io.tagwarden.collect.EventStats;
import io.tagwarden.collect.PrivacyOperations;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's collected events: charts of events per day by consent outcome and of email opens (human and
 * machine), each with its table; counts per event name; the raw event browser with filters; data subject erasure.
 */
@Controller("/containers/{id}/events")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class EventPages {

    static final int DAYS = 30;
    static final int PAGE = 50;
    private static final Set<String> CHANNELS = Set.of("browser", "server", "pixel");

    private final ContainerService containers;
    private final EventStats stats;
    private final EventBrowser browser;
    private final PrivacyOperations privacy;
    private final ObjectMapper json;

    EventPages(ContainerService containers, EventStats stats, EventBrowser browser, PrivacyOperations privacy, ObjectMapper json) {
        this.containers = containers;
        this.stats = stats;
        this.browser = browser;
        this.privacy = privacy;
        this.json = json;
    }

    @Get
    HttpResponse<?> page(String id, Authentication auth, @Nullable @QueryValue String event, @Nullable @QueryValue String channel,
                         @Nullable @QueryValue String before, @Nullable @QueryValue String beforeId,
                         @Nullable @QueryValue String done, @Nullable @QueryValue Integer erased) {
        String shownChannel = channel != null && CHANNELS.contains(channel) ? channel : null;
        Map<String, Object> model = model(id, event, shownChannel, parse(before), beforeId, Principal.canEdit(auth));
        model.put("flash", "erased".equals(done) && erased != null ? "Erased " + erased + " events." : null);
        return Pages.view("containers/events", model);
    }

    @Post("/erasure")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(String id, @Body Map<String, String> form) {
        String visitor = form.getOrDefault("visitorId", "").strip();
        String email = form.getOrDefault("email", "").strip();
        try {
            Erasure.Result result = privacy.erase(id, new Erasure(visitor.isEmpty() ? null : visitor, email.isEmpty() ? null : email));
            return Pages.seeOther("/containers/" + id + "/events?done=erased&erased=" + result.erased());
        } catch (InvalidInputException e) {
            Map<String, Object> model = model(id, null, null, null, null, true);
            model.put("error", "Erasure: " + e.errors().get(0).field() + " " + e.errors().get(0).message());
            return Pages.invalid("containers/events", model);
        }
    }

    private Map<String, Object> model(String id, @Nullable String event, @Nullable String channel, @Nullable Instant before,
                                      @Nullable String beforeId, boolean canEdit) {
        var container = containers.view(containers.get(id));
        EventStats.Report report = stats.report(id, DAYS);
        List<CollectedEvent> rows = browser.newest(id, event, channel, before, beforeId, PAGE);
        return Pages.model("container", container, "report", report, "chartData", Pages.json(json, report),
                "anyEvents", report.consent().stream().anyMatch(d -> d.total() > 0),
                "anyOpens", report.opens().stream().anyMatch(d -> d.human() + d.machine() > 0),
                "events", rows.stream().map(EventRow::of).toList(),
                "older", rows.size() == PAGE ? rows.get(rows.size() - 1).receivedAt().toString() : null,
                "olderId", rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null,
                "filterEvent", event == null ? "" : event, "filterChannel", channel == null ? "" : channel,
                "canEdit", canEdit, "days", DAYS, "flash", null, "error", null);
    }

    private static @Nullable Instant parse(@Nullable String before) {
        try {
            return before == null || before.isBlank() ? null : Instant.parse(before);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
