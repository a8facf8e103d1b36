package io.tagwarden.ui;

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
import io.tagwarden.container.ContainerService;
import io.tagwarden.container.ContainerView;
import io.tagwarden.tag.Tag;
import io.tagwarden.tag.TagRequest;
import io.tagwarden.tag.TagService;
import io.tagwarden.tag.TagView;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import io.tagwarden.web.NotFoundException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Pages for one container's tags: a form generated from the vendor's descriptor, and the row actions. */
@Controller("/containers/{containerId}/tags")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class TagPages {

    private final ContainerService containers;
    private final TagService tags;
    private final VendorCatalog vendors;
    private final FormErrors forms;

    TagPages(ContainerService containers, TagService tags, VendorCatalog vendors, FormErrors forms) {
        this.containers = containers;
        this.tags = tags;
        this.vendors = vendors;
        this.forms = forms;
    }

    @Get("/new")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> newForm(String containerId, @QueryValue String vendor) {
        VendorDescriptor descriptor = descriptor(vendor);
        return Pages.view("tags/form", model(containerId, null, descriptor, TagForm.defaults(descriptor), Map.of(), false));
    }

    @Post
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(String containerId, @Body Map<String, String> form) {
        VendorDescriptor descriptor = descriptor(form.get("vendor"));
        TagRequest request = TagForm.toRequest(descriptor.id(), form);
        AtomicReference<Tag> created = new AtomicReference<>();
        Map<String, String> errors = forms.attempt(request, () -> {
            created.set(tags.create(containerId, request));
            return null;
        });
        if (!errors.isEmpty()) {
            return Pages.invalid("tags/form", model(containerId, null, descriptor, form, errors, false));
        }
        return Pages.seeOther("/containers/" + containerId + "?done=created");
    }

    @Get("/{tagId}")
    HttpResponse<?> edit(String containerId, long tagId, Authentication auth) {
        TagView tag = tags.view(tags.get(containerId, tagId));
        return Pages.view("tags/form", model(containerId, tag, descriptor(tag.vendor()), TagForm.values(tag), Map.of(),
                !Principal.canEdit(auth)));
    }

    @Post("/{tagId}")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(String containerId, long tagId, @Body Map<String, String> form) {
        TagView tag = tags.view(tags.get(containerId, tagId));
        VendorDescriptor descriptor = descriptor(tag.vendor());
        TagRequest request = TagForm.toRequest(descriptor.id(), form);
        Map<String, String> errors = forms.attempt(request, () -> tags.update(containerId, tagId, request));
        if (!errors.isEmpty()) {
            return Pages.invalid("tags/form", model(containerId, tag, descriptor, form, errors, false));
        }
        return Pages.seeOther("/containers/" + containerId + "?done=saved");
    }

    @Post("/{tagId}/duplicate")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> duplicate(String containerId, long tagId) {
        TagRequest copy = tags.asRequest(tags.get(containerId, tagId));
        tags.create(containerId, new TagRequest(truncate("Copy of " + copy.name()), copy.vendor(), copy.settings(), copy.event(),
                copy.trigger(), copy.consentCategory(), false, copy.delivery()));
        return Pages.seeOther("/containers/" + containerId + "?done=duplicated");
    }

    @Post("/{tagId}/enable")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(String containerId, long tagId) {
        return setEnabled(containerId, tagId, true);
    }

    @Post("/{tagId}/disable")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(String containerId, long tagId) {
        return setEnabled(containerId, tagId, false);
    }

    @Get("/{tagId}/delete")
    @Secured({Role.ADMIN, Role.EDITOR})
    HttpResponse<?> confirmDelete(String containerId, long tagId) {
        return Pages.view("tags/delete", Pages.model("container", containers.view(containers.get(containerId)),
                "tag", tags.view(tags.get(containerId, tagId))));
    }

    @Post("/{tagId}/delete")
    @Secured({Role.ADMIN, Role.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(String containerId, long tagId) {
        tags.delete(containerId, tagId);
        return Pages.seeOther("/containers/" + containerId + "?done=deleted");
    }

    private HttpResponse<?> setEnabled(String containerId, long tagId, boolean enabled) {
        TagRequest current = tags.asRequest(tags.get(containerId, tagId));
        tags.update(containerId, tagId, new TagRequest(current.name(), current.vendor(), current.settings(), current.event(),
                current.trigger(), current.consentCategory(), enabled, current.delivery()));
        return Pages.seeOther("/containers/" + containerId + "?done=" + (enabled ? "enabled" : "disabled"));
    }

    private VendorDescriptor descriptor(String vendor) {
        return vendors.find(vendor).map(v -> v.descriptor())
                .orElseThrow(() -> new NotFoundException("No vendor '" + vendor + "'; known: " + vendors.ids()));
    }

    private Map<String, Object> model(String containerId, TagView tag, VendorDescriptor vendor, Map<String, String> values,
                                      Map<String, String> errors, boolean readOnly) {
        ContainerView container = containers.view(containers.get(containerId));
        Map<String, Object> model = new HashMap<>();
        model.put("container", container);
        model.put("tag", tag);
        model.put("vendor", vendor);
        model.put("values", values);
        model.put("errors", errors);
        model.put("readOnly", readOnly);
        return model;
    }

    private static String truncate(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
