package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.compile.ContainerModel;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/** JSON API for publishing, listing and rolling back versions. */
@Controller("/api/containers/{containerId}/versions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class VersionController {

    private final PublishService service;

    VersionController(PublishService service) {
        this.service = service;
    }

    @Get
    List<VersionView> list(String containerId) {
        return service.list(containerId).stream().map(VersionView::of).toList();
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Post
    HttpResponse<VersionView> publish(String containerId, @Body @Valid @Nullable PublishRequest request, Authentication auth) {
        return created(service.publish(containerId, request == null ? new PublishRequest(null) : request, auth.getName()));
    }

    /** {@code to} omitted: the draft (what publishing now would change); {@code from} omitted: the latest version. */
    @Get("/diff")
    ContainerDiff diff(String containerId, @Nullable @QueryValue Integer from, @Nullable @QueryValue Integer to) {
        return service.diff(containerId, from, to);
    }

    @Get("/{number}")
    VersionDetail show(String containerId, int number) {
        ContainerVersion version = service.get(containerId, number);
        return new VersionDetail(VersionView.of(version), service.snapshotOf(version));
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Post("/{number}/rollback")
    HttpResponse<VersionView> rollback(String containerId, int number, @Body @Valid @Nullable PublishRequest request,
                                       Authentication auth) {
        return created(service.rollback(containerId, number, request == null ? new PublishRequest(null) : request, auth.getName()));
    }

    private static HttpResponse<VersionView> created(ContainerVersion v) {
        return HttpResponse.created(VersionView.of(v), URI.create("/api/containers/" + v.containerId() + "/versions/" + v.number()));
    }

    /** A version with the frozen container it was compiled from. */
    @Serdeable
    record VersionDetail(VersionView version, ContainerModel snapshot) {
    }
}
