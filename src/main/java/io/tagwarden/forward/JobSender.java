package io.tagwarden.forward;

import io.tagwarden.forward.CredentialCipher.CredentialsUnreadableException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Delivers one claimed job and records its outcome as the lease holder. */
@Singleton
class JobSender {

    private final Forwarders forwarders;
    private final Conversions conversions;
    private final VendorCredentials credentials;
    private final VendorDelivery delivery;
    private final Backoff backoff;
    private final ForwardConfiguration config;
    private final Clock clock;

    JobSender(Forwarders forwarders, Conversions conversions, VendorCredentials credentials,
              VendorDelivery delivery, Backoff backoff, ForwardConfiguration config, Clock clock) {
        this.forwarders = forwarders;
        this.conversions = conversions;
        this.credentials = credentials;
        this.delivery = delivery;
        this.backoff = backoff;
        this.config = config;
        this.clock = clock;
    }

    /** Sends one claimed job; the outcome is recorded with its batch ({@link OutboxStore#record}). */
    OutboxStore.Result deliver(ClaimedJob job) {
        Optional<VendorForwarder> forwarder = forwarders.find(job.vendor());
        if (forwarder.isEmpty()) {
            return dead(job, null, "no forwarder for vendor '" + job.vendor() + "'");
        }
        VendorDelivery.Outcome outcome;
        try {
            Map<String, String> values = credentials.open(job.event().containerId(), job.vendor());
            outcome = delivery.send(forwarder.get(), conversions.of(job.event(), job.vendorEvent()), conversions.settings(job.settingsJson()),
                    values, false);
        } catch (ForwardingException e) {
            return dead(job, null, e.getMessage());
        } catch (CredentialsUnreadableException e) {
            // This instance's key does not open them (a misconfigured instance): another instance may; try again later.
            return again(job, null, e.getMessage(), null);
        }
        return switch (outcome.verdict()) {
            case delivered -> new OutboxStore.Result(job.id(), "delivered", outcome.httpStatus(), null, null);
            case rejected -> dead(job, outcome.httpStatus(), outcome.message());
            case retry -> again(job, outcome.httpStatus(), outcome.message(), outcome.retryAfter());
        };
    }

    /** Another try after the backoff (or the vendor's Retry-After), or dead once the tries are used up. */
    OutboxStore.Result again(ClaimedJob job, Integer httpStatus, String message, java.time.Duration retryAfter) {
        if (job.attempt() >= config.maxAttempts()) {
            return dead(job, httpStatus, "gave up after " + job.attempt() + " tries: " + message);
        }
        return new OutboxStore.Result(job.id(), "pending", httpStatus, message, clock.instant().plus(backoff.delay(job.attempt(), retryAfter)));
    }

    private static OutboxStore.Result dead(ClaimedJob job, Integer httpStatus, String error) {
        return new OutboxStore.Result(job.id(), "dead", httpStatus, error, null);
    }
}
