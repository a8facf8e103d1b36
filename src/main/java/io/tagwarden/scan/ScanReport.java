package io.tagwarden.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one consent scan of a page against a version's gating matrix: per state, each host contacted and each
 * cookie found, whether the matrix allows it in that state and why. A state passes when everything in it is allowed; the
 * scan passes when every state does.
 */
@Serdeable
public record ScanReport(String containerId, int version, String url, boolean builtInPage, String startedBy, Instant startedAt,
                         Instant finishedAt, boolean passed, List<State> states) {

    @Serdeable
    public record State(String state, String label, boolean passed, List<Finding> hosts, List<Finding> cookies, List<String> notes) {

        public long failures() {
            return hosts.stream().filter(f -> !f.allowed()).count() + cookies.stream().filter(f -> !f.allowed()).count();
        }
    }

    /**
     * A host (with the number of requests to it) or a cookie (with its domain in {@code detail}), whether the matrix allows
     * it in the state, and why.
     */
    @Serdeable
    public record Finding(String name, String detail, boolean allowed, String why) {
    }

    public long failedStates() {
        return states.stream().filter(s -> !s.passed()).count();
    }
}
