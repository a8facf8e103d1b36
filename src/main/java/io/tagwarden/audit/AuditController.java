package io.tagwarden.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET /api/audit}: the audit trail, newest first, filtered by {@code container}, {@code user}, {@code kind},
 * {@code from} and {@code to} (UTC dates), as JSON or ({@code format=csv}) CSV. {@code GET /api/audit/verify} checks
 * the hash chain. Read-only for every role: no route changes or deletes an entry.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String container, @Nullable @QueryValue String user, @Nullable @QueryValue String kind,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit,
                         @Nullable @QueryValue String format) {
        var entries = AuditQuery.of(container, user, kind, from, to, limit).run(trail);
        if ("csv".equals(format)) {
            return HttpResponse.ok(AuditExport.csv(entries)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"tagwarden-audit.csv\"");
        }
        return HttpResponse.ok(entries);
    }

    @Get("/verify")
    AuditTrail.Verification verify() {
        return trail.verify();
    }
}
