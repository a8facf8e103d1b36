package io.tagwarden.forward;

import io.tagwarden.forward.CredentialCipher.CredentialsUnreadableException;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Delivers one claimed job and records its outcome as the lease holder. */
@Singleton
class JobSender {

    private final OutboxStore store;
    private final Forwarders forwarders;
    private final Conversions conversions;
    private final VendorCredentials credentials;
    private final VendorDelivery delivery;
    private final Backoff backoff;
    private final ForwardConfiguration config;
    private final Clock clock;

    JobSender(OutboxStore store, Forwarders forwarders, Conversions conversions, VendorCredentials credentials,
              VendorDelivery delivery, Backoff backoff, ForwardConfiguration config, Clock clock) {
        this.store = store;
        this.forwarders = forwarders;
        this.conversions = conversions;
        this.credentials = credentials;
        this.delivery = delivery;
        this.backoff = backoff;
        this.config = config;
        this.clock = clock;
    }

    void deliver(ClaimedJob job, String owner) throws SQLException {
        Optional<VendorForwarder> forwarder = forwarders.find(job.vendor());
        if (forwarder.isEmpty()) {
            store.finish(job.id(), owner, "dead", null, "no forwarder for vendor '" + job.vendor() + "'", clock.instant());
            return;
        }
        VendorDelivery.Outcome outcome;
        try {
            Map<String, String> values = credentials.open(job.event().containerId(), job.vendor());
            outcome = delivery.send(forwarder.get(), conversions.of(job.event(), job.vendorEvent()), conversions.settings(job.settingsJson()),
                    values, false);
        } catch (CredentialsUnreadableException | ForwardingException e) {
            store.finish(job.id(), owner, "dead", null, e.getMessage(), clock.instant());
            return;
        }
        Instant now = clock.instant();
        switch (outcome.verdict()) {
            case delivered -> store.finish(job.id(), owner, "delivered", outcome.httpStatus(), null, now);
            case rejected -> store.finish(job.id(), owner, "dead", outcome.httpStatus(), outcome.message(), now);
            case retry -> {
                if (job.attempt() >= config.maxAttempts()) {
                    store.finish(job.id(), owner, "dead", outcome.httpStatus(),
                            "gave up after " + job.attempt() + " tries: " + outcome.message(), now);
                } else {
                    store.retryLater(job.id(), owner, outcome.httpStatus(), outcome.message(),
                            now.plus(backoff.delay(job.attempt(), outcome.retryAfter())));
                }
            }
        }
    }
}
