package io.tagwarden.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.compliance.GatingMatrices;
import io.tagwarden.compliance.GatingMatrix;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Starting, storing and reading consent scans of a published version. A scan of no address scans the version's built-in
 * test page on this server ({@link ScanTestPage}). Every scan that starts is in the audit trail (kind
 * {@code scan.started}, with the address), written before the browser opens.
 */
@Singleton
public class Scans {

    /** A stored scan with its report. */
    @Serdeable
    public record Stored(long id, ScanReport report) {
    }

    private final GatingMatrices matrices;
    private final ConsentScanner scanner;
    private final AddressPolicy policy;
    private final ScanRepository repository;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Provider<EmbeddedServer> server;

    Scans(GatingMatrices matrices, ConsentScanner scanner, AddressPolicy policy, ScanRepository repository, AuditTrail audit,
          ObjectMapper json, Provider<EmbeddedServer> server) {
        this.matrices = matrices;
        this.scanner = scanner;
        this.policy = policy;
        this.repository = repository;
        this.audit = audit;
        this.json = json;
        this.server = server;
    }

    /**
     * Scans {@code url} (or, when blank, the version's built-in test page) and stores the report.
     *
     * @throws InvalidInputException the address may not be scanned (field {@code url}, the reason in words)
     * @throws ScanBusyException     the concurrency limit is reached
     * @throws BrowserUnavailableException Chromium is missing
     */
    public Stored start(String containerId, int version, @Nullable String url, String by) {
        GatingMatrix matrix = matrices.of(containerId, version);
        boolean builtIn = url == null || url.isBlank();
        String target;
        String trusted = null;
        if (builtIn) {
            // This server as seen from its own machine: the browser runs here too.
            java.net.URI uri = server.get().getURI();
            String base = uri.getScheme() + "://" + ("localhost".equals(uri.getHost()) ? "127.0.0.1" : uri.getHost()) + ":" + uri.getPort();
            target = base + ScanTestPage.path(containerId, version);
            trusted = base;
        } else {
            target = url.strip();
            policy.problemWith(target).ifPresent(problem -> {
                throw new InvalidInputException("url", problem);
            });
        }
        String audited = builtIn ? "built-in test page" : target;
        ScanReport report = scanner.scan(matrix, target, builtIn, by, trusted, () -> audit.record("scan.started", containerId,
                "consent scan of version " + version, null, Map.of("version", version, "url", audited)));
        int failed = (int) report.failedStates();
        ScanRecord saved = repository.save(new ScanRecord(null, containerId, version, target, builtIn, by, report.startedAt(),
                report.finishedAt(), report.passed(), report.states().size() - failed, failed, write(report)));
        return new Stored(saved.id(), report);
    }

    public List<ScanSummary> list(String containerId, int version) {
        matrices.of(containerId, version);
        return repository.findByContainerIdAndVersionNumberOrderByIdDesc(containerId, version);
    }

    public Stored get(String containerId, int version, long scanId) {
        ScanRecord record = repository.findByIdAndContainerIdAndVersionNumber(scanId, containerId, version)
                .orElseThrow(() -> new NotFoundException("No scan " + scanId + " of version " + version + " of " + containerId));
        try {
            return new Stored(scanId, json.readValue(record.report(), ScanReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(ScanReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
