package io.tagwarden.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A request to publish a draft that loosens consent gating. {@code status}: pending, approved, rejected, superseded
 * (a newer request for the same container replaced it) or published. {@code loosening} is the JSON list of what
 * loosens, in words.
 */
@MappedEntity("publish_approval")
@Serdeable
public record PublishApproval(
        @Id @GeneratedValue @Nullable Long id,
        String containerId,
        @Nullable Integer baseVersion,
        String draftHash,
        String snapshot,
        String note,
        String loosening,
        String status,
        String submittedBy,
        Instant submittedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String comment) {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String SUPERSEDED = "superseded";
    static final String PUBLISHED = "published";

    PublishApproval withStatus(String newStatus) {
        return new PublishApproval(id, containerId, baseVersion, draftHash, snapshot, note, loosening, newStatus, submittedBy,
                submittedAt, decidedBy, decidedAt, comment);
    }

    PublishApproval decided(String newStatus, String by, Instant at, @Nullable String why) {
        return new PublishApproval(id, containerId, baseVersion, draftHash, snapshot, note, loosening, newStatus, submittedBy,
                submittedAt, by, at, why);
    }

    /** Whether this approval covers exactly this draft on top of exactly this version. */
    boolean covers(@Nullable Integer base, String hash) {
        return APPROVED.equals(status) && draftHash.equals(hash) && java.util.Objects.equals(baseVersion, base);
    }
}
