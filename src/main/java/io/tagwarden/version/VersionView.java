package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A published version as the API shows it, with where it is served. */
@Serdeable
public record VersionView(
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
        @Nullable Integer rollbackOf,
        String latestUrl,
        String pinnedUrl) {

    static VersionView of(VersionSummary v) {
        return new VersionView(v.containerId(), v.number(), v.note(), v.author(), v.publishedAt(), v.contentHash(),
                v.sri(), v.sizeRaw(), v.sizeGzip(), v.compileMillis(), v.rollbackOf(),
                "/c/" + v.containerId() + ".js", "/c/" + v.containerId() + "@" + v.number() + ".js");
    }

    static VersionView of(ContainerVersion v) {
        return of(new VersionSummary(v.containerId(), v.number(), v.note(), v.author(), v.publishedAt(), v.contentHash(),
                v.sri(), v.sizeRaw(), v.sizeGzip(), v.compileMillis(), v.rollbackOf()));
    }
}
