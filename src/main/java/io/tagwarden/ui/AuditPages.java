package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.audit.AuditEntry;
import io.tagwarden.audit.AuditQuery;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.web.InvalidInputException;

import java.util.List;
import java.util.Map;

/** The audit trail page: filters, the entries newest first, the chain check, and exports (CSV, JSON) of what is shown. */
@Controller("/audit")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AuditPages {

    static final int PAGE = 500;

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @Get
    HttpResponse<?> page(@Nullable @QueryValue String container, @Nullable @QueryValue String user, @Nullable @QueryValue String kind,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Boolean verify) {
        Map<String, Object> model = Pages.model("section", "audit", "container", blank(container), "user", blank(user),
                "kind", blank(kind), "from", blank(from), "to", blank(to), "verification", Boolean.TRUE.equals(verify) ? trail.verify() : null,
                "error", null, "entries", List.of());
        try {
            List<AuditEntry> entries = AuditQuery.of(container, user, kind, from, to, PAGE).run(trail);
            model.put("entries", entries.stream().map(e -> Map.of("e", e, "at", UtcTime.format(e.at()))).toList());
        } catch (InvalidInputException e) {
            model.put("error", "Dates are days such as 2026-12-04.");
            return Pages.invalid("audit/list", model);
        }
        return Pages.view("audit/list", model);
    }

    private static String blank(@Nullable String s) {
        return s == null ? "" : s;
    }
}
