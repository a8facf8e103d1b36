package io.tagwarden.scan;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A stored scan without its report: what lists show. */
@Introspected
@Serdeable
public record ScanSummary(long id, String containerId, int versionNumber, String url, boolean builtInPage, String startedBy,
                          Instant startedAt, Instant finishedAt, boolean passed, int statesPassed, int statesFailed) {
}
