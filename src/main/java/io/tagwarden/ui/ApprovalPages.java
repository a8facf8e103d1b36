package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.Role;
import io.tagwarden.approval.Approvals;
import io.tagwarden.web.InvalidInputException;

import java.util.Map;

/** Approval requests in the admin app: editors submit from the publish page; reviewers list, read and decide. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ApprovalPages {

    private final Approvals approvals;

    ApprovalPages(Approvals approvals) {
        this.approvals = approvals;
    }

    @Post("/containers/{id}/approvals")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(String id, @Body Map<String, String> form) {
        String note = form.getOrDefault("note", "").strip();
        approvals.submit(id, note.length() > 1000 ? note.substring(0, 1000) : note);
        return Pages.seeOther("/containers/" + id + "/publish?done=submitted");
    }

    @Get("/approvals")
    HttpResponse<?> list(Authentication auth, @Nullable @QueryValue String done) {
        return Pages.view("approvals/list", Pages.model("section", "approvals", "pending", approvals.pending(),
                "canDecide", canDecide(auth), "flash", Flash.message(done)));
    }

    @Get("/approvals/{number}")
    HttpResponse<?> show(long number, Authentication auth) {
        return Pages.view("approvals/show", Pages.model("section", "approvals", "r", approvals.review(number),
                "canDecide", canDecide(auth), "error", null));
    }

    @Post("/approvals/{number}/{decision:approve|reject}")
    @Secured({Role.ADMIN, Role.REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(long number, String decision, Authentication auth, @Body Map<String, String> form) {
        boolean approve = decision.equals("approve");
        try {
            approvals.decide(number, approve, form.get("comment"));
        } catch (InvalidInputException e) {
            return Pages.invalid("approvals/show", Pages.model("section", "approvals", "r", approvals.review(number),
                    "canDecide", true, "error", "Comment: " + e.errors().get(0).message()));
        }
        return Pages.seeOther("/approvals?done=" + (approve ? "approved" : "rejected"));
    }

    private static boolean canDecide(Authentication auth) {
        return auth.getRoles().contains(Role.ADMIN) || auth.getRoles().contains(Role.REVIEWER);
    }
}
