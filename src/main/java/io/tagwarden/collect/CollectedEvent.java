package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A stored event: a {@code collected_event} row, holding only what its consent state allows. Written by {@link EventWriter}.
 * {@code refusedVendors}: the IAB vendor ids the page's TCF signal refused, comma-separated (empty: none; null: not said).
 */
@MappedEntity("collected_event")
@Serdeable
public record CollectedEvent(
        @Id String id,
        String containerId,
        String eventId,
        String eventName,
        String channel,
        Instant receivedAt,
        @Nullable Instant clientTime,
        @Nullable String pageUrl,
        @Nullable String referrer,
        @Nullable String userAgent,
        @Nullable String ip,
        @Nullable String visitorId,
        boolean analyticsGranted,
        boolean marketingGranted,
        @Nullable String consentSource,
        boolean gpcPage,
        boolean gpcHeader,
        boolean notForSale,
        @Nullable Boolean machineOpen,
        @Nullable String clickIds,
        @Nullable String params,
        @Nullable String emailSha256,
        @Nullable String phoneSha256,
        @Nullable String phoneE164Sha256,
        @Nullable String externalIdSha256,
        @Nullable String refusedVendors) {
}
