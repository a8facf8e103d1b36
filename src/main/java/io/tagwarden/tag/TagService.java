package io.tagwarden.tag;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.container.ContainerService;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Creates, reads, updates and deletes the tags of a container's draft. */
@Singleton
public class TagService {

    private final TagRepository tags;
    private final ContainerService containers;
    private final TagValidator validator;
    private final VendorCatalog catalog;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    TagService(TagRepository tags, ContainerService containers, TagValidator validator, VendorCatalog catalog,
               ObjectMapper json, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.tags = tags;
        this.containers = containers;
        this.validator = validator;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Tag create(String containerId, TagRequest request) {
        containers.get(containerId);
        Instant now = clock.instant();
        Tag saved = tags.save(toRow(null, containerId, request, now, now));
        audit.record("tag.created", containerId, subject(saved), null, asRequest(saved));
        return saved;
    }

    @Transactional
    public Tag update(String containerId, long tagId, TagRequest request) {
        Tag current = get(containerId, tagId);
        Tag saved = tags.update(toRow(current.id(), containerId, request, current.createdAt(), clock.instant()));
        audit.record("tag.updated", containerId, subject(saved), asRequest(current), asRequest(saved));
        return saved;
    }

    @Transactional
    public void delete(String containerId, long tagId) {
        Tag current = get(containerId, tagId);
        tags.delete(current);
        audit.record("tag.deleted", containerId, subject(current), asRequest(current), null);
    }

    private static String subject(Tag tag) {
        return "tag t" + tag.id() + " " + tag.name();
    }

    @Transactional
    public Tag get(String containerId, long tagId) {
        containers.get(containerId);
        return tags.findByIdAndContainerId(tagId, containerId)
                .orElseThrow(() -> new NotFoundException("No tag " + tagId + " in container '" + containerId + "'"));
    }

    @Transactional
    public List<Tag> list(String containerId) {
        containers.get(containerId);
        return tags.findByContainerIdOrderById(containerId);
    }

    public TagView view(Tag tag) {
        return new TagView(tag.id(), tag.containerId(), tag.name(), tag.vendor(), settingsOf(tag), tag.eventName(),
                TriggerRequest.of(tag.triggerType(), tag.triggerEvent(), tag.urlMatch(), tag.urlValue()),
                tag.consentCategory(), tag.enabled(), tag.delivery(), tag.createdAt(), tag.updatedAt());
    }

    /** The request that would recreate this tag (used by export and duplication). */
    public TagRequest asRequest(Tag tag) {
        TagView v = view(tag);
        return new TagRequest(v.name(), v.vendor(), v.settings(), v.event(), v.trigger(), v.consentCategory().name(), v.enabled(),
                v.delivery().name());
    }

    public Map<String, String> settingsOf(Tag tag) {
        try {
            return json.readValue(tag.settings(), io.micronaut.core.type.Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Tag " + tag.id() + " has unreadable settings", e);
        }
    }

    private Tag toRow(Long id, String containerId, TagRequest request, Instant created, Instant updated) {
        Map<String, String> settings = validator.validate(request);
        if (request.deliveryOrDefault().fromServer() && !containers.collectSettings(containers.get(containerId)).collects()) {
            throw new InvalidInputException("delivery", "server delivery forwards the events the container collects: turn on "
                    + "first-party collection in the container's settings first");
        }
        ConsentCategory category = request.categoryOrNull() != null ? request.categoryOrNull()
                : catalog.get(request.vendor()).descriptor().defaultCategory();
        TriggerRequest t = request.trigger();
        String url = t.matchOrAny() == UrlMatch.any ? null : t.url();
        String event = t.type() == TriggerType.custom_event ? t.event() : null;
        try {
            return new Tag(id, containerId, request.name().strip(), request.vendor(), json.writeValueAsString(settings),
                    request.event(), t.type(), event, t.matchOrAny(), url, category, request.enabledOrDefault(), request.deliveryOrDefault(), created, updated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
