package io.tagwarden.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored scan: its summary columns and the whole {@link ScanReport} as JSON. Inserted, never changed. */
@MappedEntity("consent_scan")
record ScanRecord(
        @Id @GeneratedValue @Nullable Long id,
        String containerId,
        int versionNumber,
        String url,
        boolean builtInPage,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        boolean passed,
        int statesPassed,
        int statesFailed,
        String report) {
}
