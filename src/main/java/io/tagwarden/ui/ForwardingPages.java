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
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.account.Principal;
import io.tagwarden.account.Role;
import io.tagwarden.container.ContainerService;
import io.tagwarden.forward.Forwarding;
import io.tagwarden.forward.ForwardingPage;
import io.tagwarden.forward.VendorCredentials;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's server-side forwarding: per vendor the credentials form (secrets never shown again), job counts, a
 * "send test event" button showing the vendor's answer, and the dead letters with retry and discard; a chart of jobs
 * per day. Reviewers see it all and change nothing.
 */
@Controller("/containers/{id}/forwarding")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ForwardingPages {

    private final ContainerService containers;
    private final Forwarding forwarding;
    private final VendorCredentials credentials;
    private final ForwardingPage page;
    private final ObjectMapper json;

    ForwardingPages(ContainerService containers, Forwarding forwarding, VendorCredentials credentials, ForwardingPage page,
                    ObjectMapper json) {
        this.containers = containers;
        this.forwarding = forwarding;
        this.credentials = credentials;
        this.page = page;
        this.json = json;
    }

    @Get
    HttpResponse<?> show(String id, Authentication auth, @Nullable @QueryValue String done, @Nullable @QueryValue String chart) {
        Map<String, Object> model = model(id, auth, chart);
        model.put("flash", Flash.message(done));
        return Pages.view("containers/forwarding", model);
    }

    @Post("/{vendor}/credentials")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(String id, String vendor, Authentication auth, @Body Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("credential.")) {
                values.put(key.substring("credential.".length()), value);
            }
        });
        try {
            credentials.save(id, vendor, values);
            return Pages.seeOther("/containers/" + id + "/forwarding?done=credentials-saved#vendor-" + vendor);
        } catch (InvalidInputException e) {
            Map<String, Object> model = model(id, auth, null);
            Map<String, String> errors = new HashMap<>();
            for (FieldError error : e.errors()) {
                errors.put(error.field(), error.message());
            }
            model.put("errorVendor", vendor);
            model.put("errors", errors);
            model.put("error", vendor + " credentials were not saved: " + String.join("; ", errors.values()));
            return Pages.invalid("containers/forwarding", model);
        }
    }

    @Post("/{vendor}/credentials/remove")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(String id, String vendor) {
        containers.get(id);
        credentials.remove(id, vendor);
        return Pages.seeOther("/containers/" + id + "/forwarding?done=credentials-removed#vendor-" + vendor);
    }

    @Post("/{vendor}/test")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(String id, String vendor, Authentication auth) {
        Map<String, Object> model = model(id, auth, null);
        try {
            model.put("testVendor", vendor);
            model.put("testResult", forwarding.sendTest(id, vendor));
            return Pages.view("containers/forwarding", model);
        } catch (InvalidInputException e) {
            model.put("error", "Test event to " + vendor + ": " + e.errors().get(0).message());
            return Pages.invalid("containers/forwarding", model);
        }
    }

    @Post("/{vendor}/retry-dead")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retryDead(String id, String vendor) {
        forwarding.retryAll(id, vendor);
        return Pages.seeOther("/containers/" + id + "/forwarding?done=jobs-retried#dead");
    }

    @Post("/jobs/{jobId}/retry")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(String id, String jobId) {
        forwarding.retry(id, jobId);
        return Pages.seeOther("/containers/" + id + "/forwarding?done=job-retried#dead");
    }

    @Post("/jobs/{jobId}/discard")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> discard(String id, String jobId) {
        forwarding.discard(id, jobId);
        return Pages.seeOther("/containers/" + id + "/forwarding?done=job-discarded#dead");
    }

    private Map<String, Object> model(String id, Authentication auth, @Nullable String chartVendor) {
        var container = containers.view(containers.get(id));
        ForwardingPage.View view = page.view(id, chartVendor);
        return Pages.model("container", container, "vendors", view.vendors(), "dead", view.dead(), "daily", view.daily(),
                "chartData", Pages.json(json, Map.of("forward", view.daily())), "anyJobs", view.anyJobs(),
                "chartVendor", view.chartVendor(), "canEdit", Principal.canEdit(auth),
                "flash", null, "error", null, "errors", Map.of(), "errorVendor", "", "testVendor", "", "testResult", null);
    }
}
