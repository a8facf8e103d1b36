package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.tagwarden.collect.IngestKeys;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerRequest;
import io.tagwarden.container.ContainerService;
import io.tagwarden.container.ContainerView;
import io.tagwarden.tag.TagService;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.version.PublishService;
import io.tagwarden.version.VersionSummary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Pages for containers: the list, creating one, its overview with its tags, and its settings. */
@Controller("/containers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ContainerPages {

    private final ContainerService containers;
    private final TagService tags;
    private final VendorCatalog vendors;
    private final FormErrors forms;

    private final PublishService publisher;
    private final IngestKeys ingestKeys;

    ContainerPages(ContainerService containers, TagService tags, VendorCatalog vendors, FormErrors forms, PublishService publisher,
                   IngestKeys ingestKeys) {
        this.ingestKeys = ingestKeys;
        this.publisher = publisher;
        this.containers = containers;
        this.tags = tags;
        this.vendors = vendors;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> list(Authentication auth, @Nullable @QueryValue String done) {
        return Pages.view("containers/list", Pages.model("containers", containers.list(), "canEdit", Principal.canEdit(auth),
                "flash", Flash.message(done)));
    }

    @Get("/new")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> newForm() {
        return Pages.view("containers/form", formModel(null, ContainerForm.values(null), Map.of()));
    }

    @Post
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        ContainerRequest request = ContainerForm.toRequest(form, errors);
        AtomicReference<Container> created = new AtomicReference<>();
        if (errors.isEmpty()) {
            errors.putAll(forms.attempt(request, () -> {
                created.set(containers.create(request));
                return null;
            }));
        }
        if (!errors.isEmpty()) {
            return Pages.invalid("containers/form", formModel(null, form, errors));
        }
        return Pages.seeOther("/containers/" + created.get().id() + "?done=created");
    }

    @Get("/{id}")
    HttpResponse<?> show(String id, Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String done) {
        ContainerView container = containers.view(containers.get(id));
        List<TagRow> rows = tags.list(id).stream().map(t -> TagRow.of(tags.view(t), vendors)).toList();
        return Pages.view("containers/show", Pages.model("container", container, "tags", rows,
                "canEdit", Principal.canEdit(auth), "flash", Flash.message(done),
                "vendors", vendors.all().stream().map(v -> v.descriptor()).toList(), "baseUrl", baseUrl(request)));
    }

    @Get("/{id}/install")
    HttpResponse<?> install(String id, HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String done) {
        ContainerView container = containers.view(containers.get(id));
        Map<String, Object> model = Pages.model("container", container, "version", null);
        IngestKeys.Summary key = ingestKeys.summary(id).orElse(null);
        model.put("ingestKey", key);
        model.put("ingestKeyCreated", key == null ? "" : UtcTime.format(key.createdAt()));
        model.put("canEdit", Principal.canEdit(auth));
        model.put("flash", Flash.message(done));
        model.put("collectUrl", baseUrl(request) + "/collect");
        List<VersionSummary> versions = publisher.list(id);
        if (!versions.isEmpty()) {
            VersionSummary latest = versions.get(0);
            String base = baseUrl(request);
            model.put("version", latest);
            model.put("baseUrl", base);
            model.put("latestTag", "<script async src=\"" + base + container.scriptUrl() + "\"></script>");
            model.put("pinnedTag", "<script async src=\"" + base + "/c/" + id + "@" + latest.number() + ".js\" integrity=\""
                    + latest.sri() + "\" crossorigin=\"anonymous\"></script>");
            model.put("hosts", publisher.snapshotOf(publisher.get(id, latest.number())).tags().stream()
                    .map(t -> t.vendor()).distinct().sorted()
                    .flatMap(v -> vendors.find(v).stream()).flatMap(v -> v.descriptor().hosts().stream()).toList());
        }
        return Pages.view("containers/install", model);
    }

    private static String baseUrl(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        return host == null ? "" : (request.isSecure() ? "https://" : "http://") + host;
    }

    @Get("/{id}/settings")
    HttpResponse<?> settings(String id, Authentication auth) {
        ContainerView container = containers.view(containers.get(id));
        Map<String, Object> model = formModel(container, ContainerForm.values(container), Map.of());
        model.put("readOnly", !Principal.canEdit(auth));
        return Pages.view("containers/form", model);
    }

    @Post("/{id}/settings")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(String id, @Body Map<String, String> form) {
        ContainerView container = containers.view(containers.get(id));
        Map<String, String> errors = new LinkedHashMap<>();
        ContainerRequest request = ContainerForm.toRequest(form, errors);
        if (errors.isEmpty()) {
            errors.putAll(forms.attempt(request, () -> containers.update(id, request)));
        }
        if (!errors.isEmpty()) {
            return Pages.invalid("containers/form", formModel(container, form, errors));
        }
        return Pages.seeOther("/containers/" + id + "?done=saved");
    }

    private static Map<String, Object> formModel(ContainerView container, Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("container", container);
        model.put("values", values);
        model.put("errors", errors);
        model.put("signals", ContainerForm.SIGNALS);
        model.put("bannerSlots", ContainerForm.bannerSlots(values));
        model.put("bannerTexts", ContainerForm.BANNER_TEXTS);
        model.put("readOnly", false);
        return model;
    }
}
