package io.tagwarden.tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.tagwarden.consent.ConsentCategory;

import java.time.Instant;

/** A tag row in a container's draft. {@code settings} is a JSON object of the vendor's settings. */
@MappedEntity("tag")
public record Tag(
        @Id @GeneratedValue @Nullable Long id,
        String containerId,
        String name,
        String vendor,
        String settings,
        String eventName,
        TriggerType triggerType,
        @Nullable String triggerEvent,
        UrlMatch urlMatch,
        @Nullable String urlValue,
        ConsentCategory consentCategory,
        boolean enabled,
        Delivery delivery,
        Instant createdAt,
        Instant updatedAt) {
}
