package io.tagwarden.collect;

import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.audit.AuditTrail;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerRepository;
import io.tagwarden.container.ContainerService;
import io.tagwarden.web.InvalidInputException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Retention and erasure. Events older than their container's retention period are deleted ({@link RetentionSchedule}
 * runs it every hour). An erasure request deletes
 * every event of one visitor id or one (hashed) email in a container, at once; the audit trail keeps the fact and the
 * count, never the identifier (not even hashed: a hash of an email would confirm a guess).
 */
@Singleton
public class PrivacyOperations {

    private static final int CHUNK = 5_000;

    private final CollectedEventRepository events;
    private final ContainerRepository containers;
    private final ContainerService service;
    private final Clock clock;
    private final AuditTrail audit;

    PrivacyOperations(CollectedEventRepository events, ContainerRepository containers, ContainerService service, Clock clock,
                      AuditTrail audit) {
        this.audit = audit;
        this.events = events;
        this.containers = containers;
        this.service = service;
        this.clock = clock;
    }

    /** Deletes every event older than its container's retention; returns how many. */
    @Transactional
    public long purgeExpired() {
        long total = 0;
        for (Container container : containers.findAll()) {
            Instant cutoff = clock.instant().minus(Duration.ofDays(service.collectSettings(container).retentionDays()));
            int deleted;
            do {
                List<String> ids = events.expired(container.id(), cutoff, CHUNK);
                deleted = ids.isEmpty() ? 0 : events.deleteByIdIn(ids);
                total += deleted;
            } while (deleted == CHUNK);
        }
        return total;
    }

    @Transactional
    public Erasure.Result erase(String containerId, Erasure request) {
        service.get(containerId);
        boolean byVisitor = request.visitorId() != null && !request.visitorId().isBlank();
        boolean byEmail = request.email() != null && !request.email().isBlank();
        if (byVisitor == byEmail) {
            throw new InvalidInputException("visitorId", "give either a visitorId or an email (or its SHA-256), not both and not neither");
        }
        Erasure.Result result;
        String subject;
        if (byVisitor) {
            result = new Erasure.Result(containerId, events.deleteByVisitor(containerId, request.visitorId().strip()));
            subject = "events of one visitor id";
        } else {
            String hash = Identifiers.email(request.email())
                    .orElseThrow(() -> new InvalidInputException("email", "must be an email address or its SHA-256 hex digest"));
            result = new Erasure.Result(containerId, events.deleteByEmail(containerId, hash));
            subject = "events of one email address";
        }
        audit.record("events.erased", containerId, subject, null, result);
        return result;
    }
}
