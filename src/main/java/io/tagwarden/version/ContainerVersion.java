package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An immutable published version: the frozen container ({@code snapshot}, JSON of the container model)
 * and the exact script bytes compiled from it. Rows are inserted, never updated.
 */
@MappedEntity("container_version")
public record ContainerVersion(
        @Id @GeneratedValue @Nullable Long id,
        String containerId,
        int number,
        String note,
        String author,
        Instant publishedAt,
        String snapshot,
        byte[] artifact,
        String contentHash,
        String sri,
        int sizeRaw,
        int sizeGzip,
        int compileMillis,
        @Nullable Integer rollbackOf) {
}
