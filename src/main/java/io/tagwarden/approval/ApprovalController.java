package io.tagwarden.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.account.Role;

import java.util.List;

/**
 * The approval API: {@code POST /api/containers/{id}/approvals} (editors) submits the draft; {@code GET /api/approvals}
 * lists pending requests, {@code GET /api/approvals/{n}} shows one with its diff; {@code POST …/approve} and
 * {@code …/reject} (reviewers and admins) decide, with a comment (required to reject).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ApprovalController {

    @Serdeable
    record Submission(@Nullable String note) {
    }

    @Serdeable
    record Decision(@Nullable String comment) {
    }

    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    @Post("/containers/{id}/approvals")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<PublishApproval> submit(String id, @Body Submission body) {
        String note = body.note() == null ? "" : body.note().strip();
        return HttpResponse.status(HttpStatus.CREATED).body(approvals.submit(id, note.length() > 1000 ? note.substring(0, 1000) : note));
    }

    @Get("/approvals")
    List<PublishApproval> pending() {
        return approvals.pending();
    }

    @Get("/approvals/{number}")
    Approvals.Review show(long number) {
        return approvals.review(number);
    }

    @Post("/approvals/{number}/approve")
    @Secured({Role.ADMIN, Role.REVIEWER})
    PublishApproval approve(long number, @Body Decision body) {
        return approvals.decide(number, true, body.comment());
    }

    @Post("/approvals/{number}/reject")
    @Secured({Role.ADMIN, Role.REVIEWER})
    PublishApproval reject(long number, @Body Decision body) {
        return approvals.decide(number, false, body.comment());
    }
}
