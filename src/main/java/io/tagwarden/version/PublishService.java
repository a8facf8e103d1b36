package io.tagwarden.version;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.compile.CompileResult;
import io.tagwarden.compile.CompiledArtifact;
import io.tagwarden.compile.ContainerCompiler;
import io.tagwarden.compile.ContainerModel;
import io.tagwarden.compile.ContainerModelFactory;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerService;
import io.tagwarden.tag.TagService;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Publishing orchestrates the pipeline: rows → model → compiled artifact → an immutable numbered version.
 * Rollback publishes an older version again: a new number carrying the old snapshot and the exact old bytes.
 */
@Singleton
public class PublishService {

    private final ContainerService containers;
    private final TagService tags;
    private final ContainerModelFactory models;
    private final ContainerCompiler compiler;
    private final VersionRepository versions;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<VersionPublished> events;
    private final Clock clock;
    private final AuditTrail audit;
    private final PublishGate gate;

    PublishService(ContainerService containers, TagService tags, ContainerModelFactory models, ContainerCompiler compiler,
                   VersionRepository versions, ObjectMapper json, ApplicationEventPublisher<VersionPublished> events,
                   Clock clock, AuditTrail audit, PublishGate gate) {
        this.gate = gate;
        this.audit = audit;
        this.containers = containers;
        this.tags = tags;
        this.models = models;
        this.compiler = compiler;
        this.versions = versions;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ContainerVersion publish(String containerId, PublishRequest request, String author) {
        Container container = containers.get(containerId);
        ContainerModel model = models.create(container, tags.list(containerId));
        Integer base = versions.findLatestNumber(containerId).orElse(null);
        String snapshot = snapshotJson(model);
        String draftHash = draftHash(snapshot);
        ContainerModel before = base == null ? null : snapshotOf(get(containerId, base));
        gate.check(container, ContainerDiffer.between(before, model, base, null), base, draftHash);
        CompileResult compiled = compiler.compile(model);
        ContainerVersion saved = save(containerId, request.noteOr(""), author, snapshot,
                compiled.artifact(), (int) compiled.compileMillis(), null);
        gate.published(container, draftHash, saved.number());
        events.publishEvent(new VersionPublished(containerId, saved.number()));
        return saved;
    }

    @Transactional
    public ContainerVersion rollback(String containerId, int number, PublishRequest request, String author) {
        ContainerVersion old = get(containerId, number);
        Container container = containers.get(containerId);
        Integer base = versions.findLatestNumber(containerId).orElse(null);
        ContainerModel live = base == null ? null : snapshotOf(get(containerId, base));
        gate.check(container, ContainerDiffer.between(live, snapshotOf(old), base, number), base, draftHash(old.snapshot()));
        ContainerVersion saved = save(containerId, request.noteOr("Rollback to version " + number), author,
                old.snapshot(), CompiledArtifact.of(old.artifact()), 0, number);
        events.publishEvent(new VersionPublished(containerId, saved.number()));
        return saved;
    }

    @Transactional
    public ContainerVersion get(String containerId, int number) {
        containers.get(containerId);
        return versions.findByContainerIdAndNumber(containerId, number)
                .orElseThrow(() -> new NotFoundException("Container '" + containerId + "' has no version " + number));
    }

    @Transactional
    public List<VersionSummary> list(String containerId) {
        containers.get(containerId);
        return versions.findByContainerIdOrderByNumberDesc(containerId);
    }

    /** The container as it would publish now: its current settings and enabled tags. */
    @Transactional
    public ContainerModel draft(String containerId) {
        return models.create(containers.get(containerId), tags.list(containerId));
    }

    /**
     * What changes from version {@code from} to version {@code to}. A null {@code to} means the draft (what
     * publishing now would put live); a null {@code from} means the latest version (none: everything is new).
     */
    @Transactional
    public ContainerDiff diff(String containerId, @Nullable Integer from, @Nullable Integer to) {
        ContainerModel after = to == null ? draft(containerId) : snapshotOf(get(containerId, to));
        Integer fromNumber = from != null ? from : versions.findLatestNumber(containerId).orElse(null);
        ContainerModel before = fromNumber == null ? null : snapshotOf(get(containerId, fromNumber));
        return ContainerDiffer.between(before, after, fromNumber, to);
    }

    public ContainerModel snapshotOf(ContainerVersion version) {
        try {
            return json.readValue(version.snapshot(), ContainerModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ContainerVersion save(String containerId, String note, String author, String snapshot, CompiledArtifact artifact,
                                  int compileMillis, Integer rollbackOf) {
        int number = versions.findLatestNumber(containerId).orElse(0) + 1;
        ContainerVersion saved = versions.save(new ContainerVersion(null, containerId, number, note, author, clock.instant(), snapshot,
                artifact.bytes(), artifact.contentHash(), artifact.sri(), artifact.bytes().length, artifact.gzipped().length,
                compileMillis, rollbackOf));
        audit.record(rollbackOf == null ? "version.published" : "version.rolled_back", containerId, "version " + number,
                null, new Published(number, note, saved.contentHash(), saved.sizeGzip(), rollbackOf));
        return saved;
    }

    /** What the audit trail keeps of a publish or rollback (the snapshot itself stays with the version). */
    @io.micronaut.serde.annotation.Serdeable
    record Published(int number, String note, String contentHash, int sizeGzip, @Nullable Integer rollbackOf) {
    }

    /** The SHA-256 of a draft's snapshot: what an approval is for. */
    public static String draftHash(String snapshotJson) {
        return io.tagwarden.support.Sha256.hex(snapshotJson);
    }

    /** The draft as publishing would freeze it, as JSON (what an approval request keeps). */
    @Transactional
    public String draftSnapshot(String containerId) {
        return snapshotJson(draft(containerId));
    }

    private String snapshotJson(ContainerModel model) {
        try {
            return json.writeValueAsString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
