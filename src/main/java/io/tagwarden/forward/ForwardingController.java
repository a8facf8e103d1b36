package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/containers/{id}/forwarding}: per-vendor credentials (never returned in full), job counts, dead letters,
 * retry and discard, a test event, and daily counts. Reviewers read; admins and editors change.
 */
@Controller("/api/containers/{id}/forwarding")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ForwardingController {

    private final Forwarding forwarding;
    private final VendorCredentials credentials;
    private final ForwardStats stats;
    private final ContainerService containers;

    ForwardingController(Forwarding forwarding, VendorCredentials credentials, ForwardStats stats, ContainerService containers) {
        this.forwarding = forwarding;
        this.credentials = credentials;
        this.stats = stats;
        this.containers = containers;
    }

    @Get
    List<Forwarding.VendorStatus> overview(String id) {
        return forwarding.overview(id);
    }

    @Put("/{vendor}/credentials")
    @Secured({Role.ADMIN, Role.EDITOR})
    VendorCredentials.Shown saveCredentials(String id, String vendor, @Body Map<String, String> values) {
        return credentials.save(id, vendor, values);
    }

    @Delete("/{vendor}/credentials")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> removeCredentials(String id, String vendor) {
        containers.get(id);
        credentials.remove(id, vendor);
        return HttpResponse.noContent();
    }

    @Post("/{vendor}/test")
    @Secured({Role.ADMIN, Role.EDITOR})
    Forwarding.TestResult test(String id, String vendor) {
        return forwarding.sendTest(id, vendor);
    }

    @Post("/{vendor}/retry-dead")
    @Secured({Role.ADMIN, Role.EDITOR})
    Map<String, Integer> retryDead(String id, String vendor) {
        return Map.of("retried", forwarding.retryAll(id, vendor));
    }

    @Get("/jobs")
    List<ForwardJob> jobs(String id, @Nullable @QueryValue String status, @Nullable @QueryValue String vendor,
                          @Nullable @QueryValue Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return forwarding.jobs(id, status == null ? "dead" : status, vendor, n);
    }

    @Post("/jobs/{jobId}/retry")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> retry(String id, String jobId) {
        forwarding.retry(id, jobId);
        return HttpResponse.noContent();
    }

    @Post("/jobs/{jobId}/discard")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> discard(String id, String jobId) {
        forwarding.discard(id, jobId);
        return HttpResponse.noContent();
    }

    @Get("/daily")
    List<ForwardStats.Day> daily(String id, @Nullable @QueryValue Integer days, @Nullable @QueryValue String vendor) {
        containers.get(id);
        int n = days == null ? 30 : days;
        if (n < 1 || n > 366) {
            throw new InvalidInputException("days", "must be between 1 and 366");
        }
        return stats.daily(id, n, vendor);
    }
}
