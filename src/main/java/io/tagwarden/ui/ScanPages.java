package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.views.ModelAndView;
import io.tagwarden.account.Principal;
import io.tagwarden.account.Role;
import io.tagwarden.compliance.GatingMatrices;
import io.tagwarden.compliance.GatingMatrix;
import io.tagwarden.container.ContainerService;
import io.tagwarden.scan.BrowserUnavailableException;
import io.tagwarden.scan.ScanBusyException;
import io.tagwarden.scan.ScanSummary;
import io.tagwarden.scan.Scans;
import io.tagwarden.web.InvalidInputException;

import java.util.List;
import java.util.Map;

/** Consent scans of a published version, side by side with its gating matrix; editors and admins start one. */
@Controller("/containers/{id}/versions/{number}/scans")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScanPages {

    private final Scans scans;
    private final GatingMatrices matrices;
    private final ContainerService containers;

    ScanPages(Scans scans, GatingMatrices matrices, ContainerService containers) {
        this.scans = scans;
        this.matrices = matrices;
        this.containers = containers;
    }

    @Get
    HttpResponse<?> show(String id, int number, Authentication auth, @Nullable @QueryValue Long scan) {
        return HttpResponse.ok(page(id, number, auth, scan, null, ""));
    }

    @Post
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(String id, int number, Authentication auth, @Body Map<String, String> form) {
        String url = form.getOrDefault("url", "").strip();
        try {
            Scans.Stored stored = scans.start(id, number, url.isEmpty() ? null : url, auth.getName());
            return Pages.seeOther("/containers/" + id + "/versions/" + number + "/scans?scan=" + stored.id());
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(id, number, auth, null, e.errors().get(0).message(), url));
        } catch (ScanBusyException e) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30").body(page(id, number, auth, null, e.getMessage(), url));
        } catch (BrowserUnavailableException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(page(id, number, auth, null, e.getMessage(), url));
        }
    }

    private ModelAndView<Map<String, Object>> page(String id, int number, Authentication auth, @Nullable Long scanId,
                                                   @Nullable String error, String url) {
        GatingMatrix matrix = matrices.of(id, number);
        List<ScanSummary> history = scans.list(id, number);
        Long shown = scanId != null ? scanId : history.isEmpty() ? null : history.get(0).id();
        Scans.Stored scan = shown == null ? null : scans.get(id, number, shown);
        return new ModelAndView<>("versions/scans", Pages.model("container", containers.view(containers.get(id)), "m", matrix,
                "history", history, "scan", scan, "grid", scan == null ? null : ScanGrid.of(matrix, scan.report()),
                "startedAt", scan == null ? "" : UtcTime.format(scan.report().startedAt()),
                "canEdit", Principal.canEdit(auth), "error", error, "url", url));
    }
}
