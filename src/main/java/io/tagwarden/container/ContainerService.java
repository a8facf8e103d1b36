package io.tagwarden.container;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.collect.CollectSettings;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.version.VersionRepository;
import io.tagwarden.web.ForbiddenException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates, reads, updates and deletes containers. */
@Singleton
public class ContainerService {

    private static final int ID_ATTEMPTS = 5;

    private final ContainerRepository containers;
    private final VersionRepository versions;
    private final PublicIdGenerator ids;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final jakarta.inject.Provider<io.micronaut.security.utils.SecurityService> security;

    ContainerService(ContainerRepository containers, VersionRepository versions, PublicIdGenerator ids, ObjectMapper json,
                     Clock clock, AuditTrail audit, jakarta.inject.Provider<io.micronaut.security.utils.SecurityService> security) {
        this.security = security;
        this.audit = audit;
        this.json = json;
        this.containers = containers;
        this.versions = versions;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Container create(ContainerRequest request) {
        Instant now = clock.instant();
        Container saved = containers.save(new Container(freshId(), request.name().strip(), Container.joinOrigins(request.originsOrEmpty()),
                request.modeOrDefault(), request.waitOrDefault(), write(request.consentOrDefault()), write(request.collectionOrDefault()),
                request.approvalRequired(), now, now));
        audit.record("container.created", saved.id(), "container " + saved.id() + " " + saved.name(), null, view(saved));
        return saved;
    }

    @Transactional
    public Container update(String id, ContainerRequest request) {
        Container current = get(id);
        boolean requireApproval = request.approvalRequiredOr(current.requireApproval());
        if (current.requireApproval() && !requireApproval && !isAdmin()) {
            throw new ForbiddenException("Only an administrator can turn off the approval rule of container " + id);
        }
        ContainerView before = view(current);
        Container saved = containers.update(new Container(id, request.name().strip(), Container.joinOrigins(request.originsOrEmpty()),
                request.modeOrDefault(), request.waitOrDefault(), write(request.consentOrDefault()), write(request.collectionOrDefault()),
                requireApproval, current.createdAt(), clock.instant()));
        audit.record("container.updated", id, "container " + id + " " + saved.name(), before, view(saved));
        return saved;
    }

    @Transactional
    public void delete(String id) {
        Container current = get(id);
        ContainerView before = view(current);
        containers.delete(current);
        audit.record("container.deleted", id, "container " + id + " " + current.name(), before, null);
    }

    @Transactional
    public Container get(String id) {
        return containers.findById(id).orElseThrow(() -> new NotFoundException("No container '" + id + "'"));
    }

    @Transactional
    public List<ContainerView> list() {
        return containers.findAllOrderByName().stream().map(this::view).toList();
    }

    @Transactional
    public ContainerView view(Container container) {
        return ContainerView.of(container, consentSettings(container), collectSettings(container),
                versions.findLatestNumber(container.id()).orElse(null));
    }

    /** The container's consent settings, defaults filled in (rows from before they existed hold null). */
    public ConsentSettings consentSettings(Container container) {
        if (container.consentSettings() == null) {
            return ConsentSettings.defaults();
        }
        try {
            return json.readValue(container.consentSettings(), ConsentSettings.class).withDefaults();
        } catch (IOException e) {
            throw new UncheckedIOException("Container " + container.id() + " has unreadable consent settings", e);
        }
    }

    /** The container's collection settings, defaults filled in (rows from before they existed hold null). */
    public CollectSettings collectSettings(Container container) {
        if (container.collectSettings() == null) {
            // Containers from before collection existed do not start collecting unasked.
            return new CollectSettings(false, "truncated", CollectSettings.DEFAULT_RETENTION_DAYS);
        }
        try {
            return json.readValue(container.collectSettings(), CollectSettings.class).withDefaults();
        } catch (IOException e) {
            throw new UncheckedIOException("Container " + container.id() + " has unreadable collection settings", e);
        }
    }

    private String write(Object settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isAdmin() {
        return security.get().getAuthentication().map(a -> a.getRoles().contains("admin")).orElse(false);
    }

    private String freshId() {
        for (int i = 0; i < ID_ATTEMPTS; i++) {
            String id = ids.next();
            if (!containers.existsById(id)) {
                return id;
            }
        }
        throw new IllegalStateException("Could not find a free container id after " + ID_ATTEMPTS + " attempts");
    }
}
