package io.tagwarden.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.account.Role;
import io.tagwarden.web.ApiError;

import java.util.List;

/**
 * {@code POST /api/containers/{id}/versions/{n}/scans} ({@code {"url": …}}, or no address for the built-in test page;
 * editors and admins) runs a consent scan and answers its report (201); {@code GET …/scans} lists them, {@code GET
 * …/scans/{scanId}} gives one ({@code format=csv} for CSV). A refused address answers 400 naming the problem, the
 * concurrency limit 429, a server without Chromium 503.
 */
@Controller("/api/containers/{id}/versions/{number}/scans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScanController {

    @Serdeable
    record StartScan(@Nullable String url) {
    }

    private final Scans scans;

    ScanController(Scans scans) {
        this.scans = scans;
    }

    @Post
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> start(String id, int number, @Nullable @Body StartScan body, Authentication auth) {
        try {
            return HttpResponse.status(HttpStatus.CREATED).body(scans.start(id, number, body == null ? null : body.url(), auth.getName()));
        } catch (ScanBusyException e) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30")
                    .body(new ApiError(429, e.getMessage(), List.of()));
        } catch (BrowserUnavailableException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(503, e.getMessage(), List.of()));
        }
    }

    @Get
    List<ScanSummary> list(String id, int number) {
        return scans.list(id, number);
    }

    @Get("/{scanId}")
    HttpResponse<?> show(String id, int number, long scanId, @Nullable @QueryValue String format) {
        Scans.Stored scan = scans.get(id, number, scanId);
        if ("csv".equals(format)) {
            return HttpResponse.ok(ScanExport.csv(scan)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-v" + number + "-scan-" + scanId + ".csv\"");
        }
        return HttpResponse.ok(scan);
    }
}
