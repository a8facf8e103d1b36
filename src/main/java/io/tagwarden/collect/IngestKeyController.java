package io.tagwarden.collect;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.NotFoundException;

/**
 * {@code /api/containers/{id}/ingest-key}: the key a site's backend sends events with. POST makes a new one (shown
 * once, replacing the old one), GET shows its prefix and age, DELETE revokes it.
 */
@Controller("/api/containers/{id}/ingest-key")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class IngestKeyController {

    private final IngestKeys keys;
    private final ContainerService containers;

    IngestKeyController(IngestKeys keys, ContainerService containers) {
        this.keys = keys;
        this.containers = containers;
    }

    @Post
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<IngestKeys.Issued> issue(String id) {
        containers.get(id);
        return HttpResponse.status(HttpStatus.CREATED).body(keys.issue(id)).header("Cache-Control", "no-store");
    }

    @Get
    IngestKeys.Summary show(String id) {
        containers.get(id);
        return keys.summary(id).orElseThrow(() -> new NotFoundException("Container " + id + " has no ingest key"));
    }

    @Delete
    @Secured({Role.ADMIN, Role.EDITOR})
    @Status(HttpStatus.NO_CONTENT)
    void revoke(String id) {
        containers.get(id);
        keys.revoke(id);
    }
}
