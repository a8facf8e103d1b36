package io.tagwarden.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.compile.ContainerModel;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerService;
import io.tagwarden.version.ContainerDiff;
import io.tagwarden.version.ContainerDiffer;
import io.tagwarden.version.PublishService;
import io.tagwarden.web.ConflictException;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Approval of publishes that loosen consent gating: an editor submits the draft (it is frozen with the request), a
 * reviewer approves or rejects it with a comment, and only an approved draft can be published. Every step is in the
 * audit trail.
 */
@Singleton
public class Approvals {

    /** A request with what it loosens and the diff the reviewer judges (the live version then → the submitted draft). */
    @io.micronaut.serde.annotation.Serdeable
    public record Review(PublishApproval approval, List<String> loosening, ContainerDiff diff, String containerName) {
    }

    private final PublishApprovalRepository approvals;
    private final PublishService publisher;
    private final ContainerService containers;
    private final AuditTrail audit;
    private final Provider<SecurityService> security;
    private final ObjectMapper json;
    private final Clock clock;

    Approvals(PublishApprovalRepository approvals, PublishService publisher, ContainerService containers, AuditTrail audit,
              Provider<SecurityService> security, ObjectMapper json, Clock clock) {
        this.approvals = approvals;
        this.publisher = publisher;
        this.containers = containers;
        this.audit = audit;
        this.security = security;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PublishApproval submit(String containerId, String note) {
        Container container = containers.get(containerId);
        ContainerDiff diff = publisher.diff(containerId, null, null);
        if (!container.requireApproval() || !diff.loosensConsent()) {
            throw new InvalidInputException("draft", "nothing needs approval: this draft can be published directly");
        }
        approvals.findByContainerIdAndStatus(containerId, PublishApproval.PENDING)
                .forEach(a -> approvals.update(a.withStatus(PublishApproval.SUPERSEDED)));
        String snapshot = publisher.draftSnapshot(containerId);
        PublishApproval saved = approvals.save(new PublishApproval(null, containerId, diff.fromVersion(), PublishService.draftHash(snapshot),
                snapshot, note, write(diff.loosening()), PublishApproval.PENDING, actor(), clock.instant(), null, null, null));
        audit.record("approval.submitted", containerId, "approval request " + saved.id(), null, summary(saved));
        return saved;
    }

    @Transactional
    public PublishApproval decide(long id, boolean approve, @Nullable String comment) {
        PublishApproval approval = get(id);
        if (!PublishApproval.PENDING.equals(approval.status())) {
            throw new ConflictException("Approval request " + id + " is " + approval.status() + ", not pending");
        }
        if (approval.submittedBy().equals(actor())) {
            throw new ConflictException("A request cannot be decided by the person who submitted it");
        }
        String why = comment == null ? "" : comment.strip();
        if (!approve && why.isEmpty()) {
            throw new InvalidInputException("comment", "say why the request is rejected, so the editor can fix it");
        }
        if (why.length() > 1000) {
            throw new InvalidInputException("comment", "must be at most 1000 characters");
        }
        PublishApproval decided = approvals.update(approval.decided(approve ? PublishApproval.APPROVED : PublishApproval.REJECTED,
                actor(), clock.instant(), why.isEmpty() ? null : why));
        audit.record(approve ? "approval.approved" : "approval.rejected", approval.containerId(), "approval request " + id,
                summary(approval), summary(decided));
        return decided;
    }

    @Transactional
    public PublishApproval get(long id) {
        return approvals.findById(id).orElseThrow(() -> new NotFoundException("No approval request " + id));
    }

    @Transactional
    public Review review(long id) {
        PublishApproval approval = get(id);
        ContainerModel after = read(approval.snapshot(), ContainerModel.class);
        ContainerModel before = approval.baseVersion() == null ? null
                : publisher.snapshotOf(publisher.get(approval.containerId(), approval.baseVersion()));
        return new Review(approval, read(approval.loosening(), Argument.listOf(String.class)),
                ContainerDiffer.between(before, after, approval.baseVersion(), null), containers.get(approval.containerId()).name());
    }

    @Transactional
    public List<PublishApproval> pending() {
        return approvals.findByStatusOrderByIdAsc(PublishApproval.PENDING);
    }

    /** The newest request for the container, if any. */
    @Transactional
    public Optional<PublishApproval> latest(String containerId) {
        return approvals.findFirstByContainerIdOrderByIdDesc(containerId);
    }

    /** Whether the newest request approved exactly the current draft on top of {@code liveVersion}. */
    @Transactional
    public boolean approvesCurrentDraft(String containerId, @Nullable Integer liveVersion) {
        String hash = PublishService.draftHash(publisher.draftSnapshot(containerId));
        return latest(containerId).map(a -> a.covers(liveVersion, hash)).orElse(false);
    }


    private Object summary(PublishApproval a) {
        return new java.util.LinkedHashMap<>(java.util.Map.of("id", a.id(), "status", a.status(), "note", a.note(),
                "submittedBy", a.submittedBy(), "decidedBy", String.valueOf(a.decidedBy()), "comment", String.valueOf(a.comment()),
                "draftHash", a.draftHash()));
    }

    private String actor() {
        return security.get().username().orElse("system");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
