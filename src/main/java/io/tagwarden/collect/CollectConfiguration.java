package io.tagwarden.collect;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * {@code tagwarden.collect.*}: limits and tuning of the collection endpoints.
 *
 * @param maxBodyBytes      a larger {@code POST /collect} body answers 413
 * @param maxBatch          events in one request at most
 * @param requestsPerSecond sustained requests per client address before 429 ({@code burst} more are tolerated)
 * @param writerBatch       events written in one transaction at most (group commit)
 * @param writerLinger      how long the writer waits for more events before committing a group it could commit now
 * @param queueCapacity     events waiting for the writer at most; past it requests answer 503
 * @param visitorCookieDays lifetime of the first-party visitor id cookie
 * @param containerCacheTtl how long a container's origins and collection settings are trusted without a database read
 */
@ConfigurationProperties("tagwarden.collect")
public record CollectConfiguration(
        @Bindable(defaultValue = "65536") @Min(1024) int maxBodyBytes,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int maxBatch,
        @Bindable(defaultValue = "50") @Min(1) int requestsPerSecond,
        @Bindable(defaultValue = "200") @Min(1) int burst,
        @Bindable(defaultValue = "1000") @Min(1) int writerBatch,
        @Bindable(defaultValue = "2ms") Duration writerLinger,
        @Bindable(defaultValue = "50000") @Min(1) int queueCapacity,
        @Bindable(defaultValue = "395") @Min(1) int visitorCookieDays,
        @Bindable(defaultValue = "5s") Duration containerCacheTtl) {
}
