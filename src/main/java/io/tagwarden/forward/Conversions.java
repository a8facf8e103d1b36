package io.tagwarden.forward;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.collect.CollectedEvent;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;

/** A stored event → the {@link Conversion} a forwarder builds its request from (click ids and parameters parsed back). */
@Singleton
class Conversions {

    private final ObjectMapper json;

    Conversions(ObjectMapper json) {
        this.json = json;
    }

    Conversion of(CollectedEvent e, String vendorEvent) {
        return new Conversion(e.eventId(), e.eventName(), vendorEvent, e.clientTime() != null ? e.clientTime() : e.receivedAt(),
                e.receivedAt(), e.pageUrl(), e.referrer(), e.userAgent(), e.ip(), e.visitorId(),
                map(e.clickIds(), Argument.mapOf(String.class, String.class)), map(e.params(), Argument.mapOf(String.class, Object.class)),
                e.emailSha256(), e.phoneSha256(), e.phoneE164Sha256(), e.externalIdSha256(), e.marketingGranted(), e.notForSale());
    }

    Map<String, String> settings(String settingsJson) {
        return map(settingsJson, Argument.mapOf(String.class, String.class));
    }

    private <T> Map<String, T> map(String text, Argument<Map<String, T>> type) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, T> value = json.readValue(text, type);
            return value == null ? Map.of() : value;
        } catch (IOException e) {
            throw new ForwardingException("the stored event has unreadable JSON: " + e.getMessage());
        }
    }
}
