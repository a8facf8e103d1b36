package io.tagwarden.forward;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * {@code tagwarden.forward.*}: the outbox workers and the credentials key. Vendor API origins are
 * {@code tagwarden.forward.vendors.<id>.base-url} (see {@link VendorEndpoints}).
 *
 * @param workerEnabled  whether this instance sends outbox jobs (every instance may; claims never overlap)
 * @param pollInterval   how often an idle worker looks for due jobs
 * @param claimBatch     jobs claimed in one go
 * @param concurrency    requests in flight at once per instance
 * @param lease          how long a claim holds; a crashed instance's jobs are taken over after it
 * @param timeout        per request to a vendor (connect and answer); a timeout is retried
 * @param maxAttempts    tries before a job is dead-lettered
 * @param backoffBase    first retry delay; doubled per attempt, with jitter, up to {@code backoffMax}
 * @param credentialsKey base64 of 32 bytes (AES-256) sealing credentials; when empty a key file in the data
 *                       directory is created on first use (several instances must share one key: set it)
 * @param instanceId     names this instance in job leases; defaults to host name and a random suffix
 */
@ConfigurationProperties("tagwarden.forward")
public record ForwardConfiguration(
        @Bindable(defaultValue = "true") boolean workerEnabled,
        @Bindable(defaultValue = "500ms") Duration pollInterval,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int claimBatch,
        @Bindable(defaultValue = "16") @Min(1) @Max(256) int concurrency,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "8") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "5s") Duration backoffBase,
        @Bindable(defaultValue = "1h") Duration backoffMax,
        @Nullable String credentialsKey,
        @Nullable String instanceId) {
}
