package io.tagwarden.ui;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.compliance.GatingMatrices;
import io.tagwarden.compliance.GatingMatrix;
import io.tagwarden.container.ContainerService;

/** The gating matrix of a published version (printable, with CSV and JSON exports) and the matrix changes between two. */
@Controller("/containers/{id}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MatrixPages {

    private final GatingMatrices matrices;
    private final ContainerService containers;

    MatrixPages(GatingMatrices matrices, ContainerService containers) {
        this.matrices = matrices;
        this.containers = containers;
    }

    @Get("/versions/{number}/matrix")
    HttpResponse<?> matrix(String id, int number) {
        GatingMatrix matrix = matrices.of(id, number);
        return Pages.view("versions/matrix", Pages.model("container", containers.view(containers.get(id)), "m", matrix,
                "publishedAt", UtcTime.format(matrix.publishedAt())));
    }

    @Get("/matrix/diff")
    HttpResponse<?> diff(String id, @QueryValue int from, @QueryValue int to) {
        return Pages.view("versions/matrix-diff", Pages.model("container", containers.view(containers.get(id)),
                "d", matrices.diff(id, from, to)));
    }
}
