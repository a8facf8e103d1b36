package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** A version without its snapshot and artifact bytes: what lists need. */
@Introspected
public record VersionSummary(
        String containerId,
        int number,
        String note,
        String author,
        Instant publishedAt,
        String contentHash,
        String sri,
        int sizeRaw,
        int sizeGzip,
        int compileMillis,
        @Nullable Integer rollbackOf) {
}
