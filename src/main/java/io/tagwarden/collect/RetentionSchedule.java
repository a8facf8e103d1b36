package io.tagwarden.collect;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention purge a minute after start and then every {@code tagwarden.collect.retention-interval} (1 h). */
@Singleton
class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final PrivacyOperations privacy;

    RetentionSchedule(PrivacyOperations privacy) {
        this.privacy = privacy;
    }

    @Scheduled(initialDelay = "${tagwarden.collect.retention-first-run:1m}", fixedDelay = "${tagwarden.collect.retention-interval:1h}")
    void purge() {
        long purged = privacy.purgeExpired();
        if (purged > 0) {
            LOG.info("Retention: deleted {} events past their containers' retention periods", purged);
        }
    }
}
