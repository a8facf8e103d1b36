package io.tagwarden.container;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/** JSON API for containers. */
@Controller("/api/containers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ContainerController {

    private final ContainerService service;

    ContainerController(ContainerService service) {
        this.service = service;
    }

    @Get
    List<ContainerView> list() {
        return service.list();
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Post
    HttpResponse<ContainerView> create(@Body @Valid ContainerRequest request) {
        Container created = service.create(request);
        return HttpResponse.created(service.view(created), URI.create("/api/containers/" + created.id()));
    }

    @Get("/{id}")
    ContainerView show(String id) {
        return service.view(service.get(id));
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Put("/{id}")
    ContainerView update(String id, @Body @Valid ContainerRequest request) {
        return service.view(service.update(id, request));
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String id) {
        service.delete(id);
    }
}
