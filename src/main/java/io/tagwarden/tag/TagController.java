package io.tagwarden.tag;

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

/** JSON API for the tags of a container's draft. */
@Controller("/api/containers/{containerId}/tags")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class TagController {

    private final TagService service;

    TagController(TagService service) {
        this.service = service;
    }

    @Get
    List<TagView> list(String containerId) {
        return service.list(containerId).stream().map(service::view).toList();
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Post
    HttpResponse<TagView> create(String containerId, @Body @Valid TagRequest request) {
        Tag tag = service.create(containerId, request);
        return HttpResponse.created(service.view(tag), URI.create("/api/containers/" + containerId + "/tags/" + tag.id()));
    }

    @Get("/{tagId}")
    TagView show(String containerId, long tagId) {
        return service.view(service.get(containerId, tagId));
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Put("/{tagId}")
    TagView update(String containerId, long tagId, @Body @Valid TagRequest request) {
        return service.view(service.update(containerId, tagId, request));
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Delete("/{tagId}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String containerId, long tagId) {
        service.delete(containerId, tagId);
    }
}
