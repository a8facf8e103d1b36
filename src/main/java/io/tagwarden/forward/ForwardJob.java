package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A {@code forward_job} row as the admin app and the API list it (written by the planner, moved by the workers). */
@MappedEntity("forward_job")
@Serdeable
public record ForwardJob(
        @Id String id,
        String eventRef,
        String containerId,
        String vendor,
        String tagId,
        String vendorEvent,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant finishedAt) {
}
