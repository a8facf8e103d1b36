package io.tagwarden.transfer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerService;
import io.tagwarden.container.ContainerView;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import jakarta.validation.Valid;

import java.net.URI;

/** Export a container's draft as one JSON document; import such a document as a new container. */
@Controller("/api/containers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class TransferController {

    private final TransferService transfer;
    private final ContainerService containers;

    TransferController(TransferService transfer, ContainerService containers) {
        this.transfer = transfer;
        this.containers = containers;
    }

    @Get("/{id}/export")
    HttpResponse<ContainerDocument> export(String id) {
        return HttpResponse.ok(transfer.export(id))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".json\"");
    }

    @Secured({Role.ADMIN, Role.EDITOR})
    @Post("/import")
    HttpResponse<ContainerView> importDocument(@Body @Valid ContainerDocument document) {
        Container created = transfer.importDocument(document);
        return HttpResponse.created(containers.view(created), URI.create("/api/containers/" + created.id()));
    }
}
