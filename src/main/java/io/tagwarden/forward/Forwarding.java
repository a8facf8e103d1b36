package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.compile.TagModel;
import io.tagwarden.container.ContainerService;
import io.tagwarden.support.Sha256;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.web.InvalidInputException;
import io.tagwarden.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the Forwarding page and its API do: per-vendor status, dead letters, retry and discard, the test event. */
@Singleton
public class Forwarding {

    public static final List<String> STATUSES = List.of("pending", "sending", "delivered", "dead", "discarded");

    /** One vendor's forwarding for a container. {@code serverTags}: tags of the live version that deliver from the server. */
    @Serdeable
    public record VendorStatus(String vendor, String name, List<CredentialField> fields, @Nullable VendorCredentials.Shown credentials,
                               Map<String, Long> jobs, long serverTags) {
    }

    /** The vendor's answer to a test event. */
    @Serdeable
    public record TestResult(String verdict, @Nullable Integer httpStatus, String message, String answer, String eventId) {
    }

    private final Forwarders forwarders;
    private final VendorCredentials credentials;
    private final ForwardJobRepository jobs;
    private final ForwardTargets targets;
    private final VendorDelivery delivery;
    private final VendorCatalog catalog;
    private final ContainerService containers;
    private final AuditTrail audit;
    private final Clock clock;

    Forwarding(Forwarders forwarders, VendorCredentials credentials, ForwardJobRepository jobs, ForwardTargets targets,
               VendorDelivery delivery, VendorCatalog catalog, ContainerService containers, AuditTrail audit, Clock clock) {
        this.forwarders = forwarders;
        this.credentials = credentials;
        this.jobs = jobs;
        this.targets = targets;
        this.delivery = delivery;
        this.catalog = catalog;
        this.containers = containers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<VendorStatus> overview(String containerId) {
        containers.get(containerId);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (ForwardJobRepository.StatusCount c : jobs.countByVendorAndStatus(containerId)) {
            counts.computeIfAbsent(c.vendor(), v -> zeros()).put(c.status(), c.jobs());
        }
        List<TagModel> live = targets.of(containerId);
        List<VendorStatus> result = new ArrayList<>();
        for (String vendor : forwarders.vendorIds()) {
            VendorForwarder f = forwarders.find(vendor).orElseThrow();
            result.add(new VendorStatus(vendor, catalog.get(vendor).descriptor().name(), f.credentialFields(),
                    credentials.shown(containerId, vendor).orElse(null), counts.getOrDefault(vendor, zeros()),
                    live.stream().filter(t -> t.vendor().equals(vendor)).count()));
        }
        return result;
    }

    @Transactional
    public List<ForwardJob> jobs(String containerId, String status, @Nullable String vendor, int limit) {
        containers.get(containerId);
        if (!STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + STATUSES);
        }
        Pageable page = Pageable.from(0, limit);
        return vendor == null ? jobs.findByContainerIdAndStatusOrderByCreatedAtDesc(containerId, status, page)
                : jobs.findByContainerIdAndVendorAndStatusOrderByCreatedAtDesc(containerId, vendor, status, page);
    }

    @Transactional
    public void retry(String containerId, String jobId) {
        ForwardJob job = deadJob(containerId, jobId);
        jobs.retry(jobId, containerId, clock.instant());
        audit.record("forward.retried", containerId, "forwarding job " + jobId + " to " + job.vendor(), Map.of("status", "dead"),
                Map.of("status", "pending"));
    }

    @Transactional
    public int retryAll(String containerId, String vendor) {
        containers.get(containerId);
        forwarders.find(vendor).orElseThrow(() -> new NotFoundException("No forwarder for vendor '" + vendor + "'"));
        int n = jobs.retryAll(containerId, vendor, clock.instant());
        if (n > 0) {
            audit.record("forward.retried", containerId, n + " dead forwarding jobs to " + vendor, null, Map.of("jobs", n));
        }
        return n;
    }

    @Transactional
    public void discard(String containerId, String jobId) {
        ForwardJob job = deadJob(containerId, jobId);
        jobs.discard(jobId, containerId, clock.instant());
        audit.record("forward.discarded", containerId, "forwarding job " + jobId + " to " + job.vendor(), Map.of("status", "dead"),
                Map.of("status", "discarded"));
    }

    /**
     * Sends a made-up Purchase-like conversion for the vendor's first server-delivered tag of the live version (the
     * vendor's test mode where it has one) and returns the vendor's answer as is.
     */
    public TestResult sendTest(String containerId, String vendor) {
        containers.get(containerId);
        VendorForwarder forwarder = forwarders.find(vendor).orElseThrow(() -> new NotFoundException("No forwarder for vendor '" + vendor + "'"));
        TagModel tag = targets.of(containerId).stream().filter(t -> t.vendor().equals(vendor)).findFirst()
                .orElseThrow(() -> new InvalidInputException("vendor", "the live version has no " + vendor
                        + " tag delivering from the server: set a tag's delivery to server, publish, then test"));
        Instant now = clock.instant();
        String eventId = "tagwarden-test-" + UUID.randomUUID();
        Conversion test = new Conversion(eventId, tag.event(), tag.vendorEvent(), now, now, "https://tagwarden.invalid/test-event", null,
                "Tagwarden test event", null, null, Map.of(), Map.of("value", 1, "currency", "EUR"),
                Sha256.hex("test@tagwarden.invalid"), null, null, null, true, false);
        VendorDelivery.Outcome outcome = delivery.send(forwarder, test, tag.settings(), credentials.open(containerId, vendor), true);
        audit.record("forward.test_sent", containerId, "test event to " + vendor, null,
                Map.of("verdict", outcome.verdict().name(), "httpStatus", String.valueOf(outcome.httpStatus())));
        return new TestResult(outcome.verdict().name(), outcome.httpStatus(), outcome.message(), outcome.answer(), eventId);
    }

    private ForwardJob deadJob(String containerId, String jobId) {
        containers.get(containerId);
        ForwardJob job = jobs.findByIdAndContainerId(jobId, containerId)
                .orElseThrow(() -> new NotFoundException("No forwarding job " + jobId + " in container '" + containerId + "'"));
        if (!"dead".equals(job.status())) {
            throw new io.tagwarden.web.ConflictException("job " + jobId + " is " + job.status() + "; only dead jobs can be retried or discarded");
        }
        return job;
    }

    private static Map<String, Long> zeros() {
        Map<String, Long> m = new TreeMap<>();
        STATUSES.forEach(s -> m.put(s, 0L));
        return m;
    }
}
