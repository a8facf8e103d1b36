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
import io.tagwarden.account.Principal;
import io.tagwarden.account.Role;
import io.tagwarden.approval.Approvals;
import io.tagwarden.container.ContainerView;
import io.tagwarden.container.ContainerService;
import io.tagwarden.version.ContainerDiff;
import io.tagwarden.version.PublishRequest;
import io.tagwarden.version.PublishService;

import java.util.List;
import java.util.Map;

/** Publishing with a review of what changes, the versions list, the diff between two versions, and rollback. */
@Controller("/containers/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class VersionPages {

    private static final int MAX_NOTE = 1000;

    private final ContainerService containers;
    private final PublishService publisher;
    private final Approvals approvals;

    VersionPages(ContainerService containers, PublishService publisher, Approvals approvals) {
        this.approvals = approvals;
        this.containers = containers;
        this.publisher = publisher;
    }

    @Get("/publish")
    HttpResponse<?> review(String id, Authentication auth, @Nullable @QueryValue String done) {
        ContainerView container = containers.view(containers.get(id));
        ContainerDiff diff = publisher.diff(id, null, null);
        boolean needsApproval = container.requireApproval() && diff.loosensConsent();
        return Pages.view("versions/publish", Pages.model("container", container, "diff", diff, "canEdit", Principal.canEdit(auth),
                "needsApproval", needsApproval, "approved", needsApproval && approvals.approvesCurrentDraft(id, diff.fromVersion()),
                "lastApproval", approvals.latest(id).orElse(null), "flash", Flash.message(done)));
    }

    @Post("/publish")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(String id, Authentication auth, @Body Map<String, String> form) {
        publisher.publish(id, new PublishRequest(note(form)), auth.getName());
        return Pages.seeOther("/containers/" + id + "/versions?done=published");
    }

    @Get("/versions")
    HttpResponse<?> list(String id, Authentication auth, @Nullable @QueryValue String done) {
        List<VersionRow> versions = publisher.list(id).stream().map(VersionRow::of).toList();
        return Pages.view("versions/list", Pages.model("container", containers.view(containers.get(id)),
                "versions", versions, "canEdit", Principal.canEdit(auth), "flash", Flash.message(done)));
    }

    /** {@code to} omitted: the draft; {@code from} omitted: the latest version. */
    @Get("/versions/diff")
    HttpResponse<?> diff(String id, @Nullable @QueryValue Integer from, @Nullable @QueryValue Integer to) {
        ContainerDiff diff = publisher.diff(id, from, to);
        return Pages.view("versions/diff", Pages.model("container", containers.view(containers.get(id)),
                "diff", diff, "versions", publisher.list(id)));
    }

    @Post("/versions/{number}/rollback")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rollback(String id, int number, Authentication auth, @Body Map<String, String> form) {
        String note = note(form);
        publisher.rollback(id, number, new PublishRequest(note.isEmpty() ? null : note), auth.getName());
        return Pages.seeOther("/containers/" + id + "/versions?done=rolledback");
    }

    private static String note(Map<String, String> form) {
        String note = form.getOrDefault("note", "").strip();
        return note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    }
}
