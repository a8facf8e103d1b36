package io.tagwarden.scan;

import io.tagwarden.compliance.GatingMatrix;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Runs the four states against a page and judges each against the version's gating matrix. At most
 * {@code max-concurrent} scans at once ({@link ScanBusyException} beyond); each state has its own time limit and the
 * whole scan a hard one, after which the remaining states fail unrun.
 */
@Singleton
public class ConsentScanner {

    private final ScanConfiguration config;
    private final AddressPolicy policy;
    private final StateRecorder recorder;
    private final Clock clock;
    private final Semaphore running;

    ConsentScanner(ScanConfiguration config, AddressPolicy policy, StateRecorder recorder, Clock clock) {
        this.config = config;
        this.policy = policy;
        this.recorder = recorder;
        this.clock = clock;
        this.running = new Semaphore(config.maxConcurrent());
    }

    /**
     * @param trustedOrigin an origin ({@code http://host:port}) requests may reach whatever its address: this server's own,
     *                      when the page scanned is its built-in test page; null otherwise
     * @param onStart       runs once the scan has its slot (the audit entry), not for a scan refused as busy
     */
    public ScanReport scan(GatingMatrix matrix, String url, boolean builtInPage, String startedBy, String trustedOrigin,
                           Runnable onStart) {
        if (!running.tryAcquire()) {
            throw new ScanBusyException(config.maxConcurrent());
        }
        try {
            onStart.run();
            Instant started = clock.instant();
            Instant scanDeadline = started.plus(config.scanTimeLimit());
            Predicate<String> allow = allowRequest(trustedOrigin);
            List<ScanReport.State> states = new ArrayList<>();
            for (ScanState state : ScanState.values()) {
                Instant now = clock.instant();
                if (!now.isBefore(scanDeadline)) {
                    states.add(new ScanReport.State(state.name(), state.label(), false, List.of(), List.of(),
                            List.of("Not run: the scan reached its time limit of " + config.scanTimeLimit().toSeconds() + " s.")));
                    continue;
                }
                Instant stateDeadline = min(now.plus(config.stateTimeLimit()), scanDeadline);
                Observation seen = recorder.record(url, state, allow, stateDeadline);
                // The page's own host; where it ended up counts as its own only on the same site (a redirect through a
                // tracker before consent must not make the tracker "the page").
                String start = ScanEvaluation.hostOf(url);
                String end = ScanEvaluation.hostOf(seen.finalUrl());
                Set<String> pageHosts = new LinkedHashSet<>(List.of(start));
                if (end.equals(start) || end.endsWith("." + start) || start.endsWith("." + end)) {
                    pageHosts.add(end);
                }
                states.add(ScanEvaluation.evaluate(matrix, state, seen, pageHosts));
            }
            boolean passed = states.stream().allMatch(ScanReport.State::passed);
            return new ScanReport(matrix.containerId(), matrix.version(), url, builtInPage, startedBy, started, clock.instant(), passed, states);
        } finally {
            running.release();
        }
    }

    /** Holds one of the scan slots, as a running scan would (tests and maintenance). */
    Semaphore slots() {
        return running;
    }

    private Predicate<String> allowRequest(String trustedOrigin) {
        Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
        return url -> {
            if (trustedOrigin != null && trustedOrigin.equals(origin(url))) {
                return true;
            }
            String key = origin(url);
            return verdicts.computeIfAbsent(key.isEmpty() ? url : key, k -> policy.allowsRequest(url));
        };
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? "" : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
