package io.tagwarden.ui;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.tagwarden.account.Role;
import io.tagwarden.collect.IngestKeys;
import io.tagwarden.container.ContainerService;

/** Creates (or replaces) a container's ingest key from the Install page and shows it once; revokes it. */
@Controller("/containers/{id}/ingest-key")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.EDITOR})
class IngestKeyPages {

    private final IngestKeys keys;
    private final ContainerService containers;

    IngestKeyPages(IngestKeys keys, ContainerService containers) {
        this.keys = keys;
        this.containers = containers;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(String id) {
        var container = containers.view(containers.get(id));
        return Pages.view("containers/ingest-key", Pages.model("container", container, "issued", keys.issue(id)))
                .header("Cache-Control", "no-store");
    }

    @Post("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(String id) {
        containers.get(id);
        keys.revoke(id);
        return Pages.seeOther("/containers/" + id + "/install?done=key-revoked");
    }
}
