package io.tagwarden.tag;

import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentCategory;

import java.time.Instant;
import java.util.Map;

/** A tag as the API shows it; its {@code trigger} has the same shape as in {@link TagRequest}. */
@Serdeable
public record TagView(
        long id,
        String containerId,
        String name,
        String vendor,
        Map<String, String> settings,
        String event,
        TriggerRequest trigger,
        ConsentCategory consentCategory,
        boolean enabled,
        Delivery delivery,
        Instant createdAt,
        Instant updatedAt) {
}
