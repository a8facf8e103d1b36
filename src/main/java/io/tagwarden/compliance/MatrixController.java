package io.tagwarden.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET /api/containers/{id}/versions/{n}/matrix} (JSON, or {@code format=csv}) and
 * {@code GET /api/containers/{id}/matrix/diff?from=&to=}: the gating matrix of a published version and what changes
 * between two. The admin app shows both and prints the matrix.
 */
@Controller("/api/containers/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MatrixController {

    private final GatingMatrices matrices;

    MatrixController(GatingMatrices matrices) {
        this.matrices = matrices;
    }

    @Get("/versions/{number}/matrix")
    HttpResponse<?> matrix(String id, int number, @Nullable @QueryValue String format) {
        GatingMatrix matrix = matrices.of(id, number);
        if ("csv".equals(format)) {
            return HttpResponse.ok(GatingMatrices.csv(matrix)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-v" + number + "-gating-matrix.csv\"");
        }
        return HttpResponse.ok(matrix);
    }

    @Get("/matrix/diff")
    MatrixDiff diff(String id, @QueryValue int from, @QueryValue int to) {
        return matrices.diff(id, from, to);
    }
}
