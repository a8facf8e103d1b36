package io.tagwarden.tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * What a client sends to create or update a tag. The vendor's settings are checked against its
 * descriptor by {@link TagValidator}; {@code consentCategory} defaults to the vendor's default.
 */
@Serdeable
public record TagRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String vendor,
        @Nullable Map<String, String> settings,
        @NotBlank String event,
        @NotNull @Valid TriggerRequest trigger,
        @Nullable @Pattern(regexp = "necessary|analytics|marketing", message = "must be necessary, analytics or marketing") String consentCategory,
        @Nullable Boolean enabled,
        @Nullable @Pattern(regexp = "browser|browser_and_server|server", message = "must be browser, browser_and_server or server") String delivery) {

    /** Without a delivery: the browser. */
    public TagRequest(String name, String vendor, @Nullable Map<String, String> settings, String event, TriggerRequest trigger,
                      @Nullable String consentCategory, @Nullable Boolean enabled) {
        this(name, vendor, settings, event, trigger, consentCategory, enabled, null);
    }

    public Delivery deliveryOrDefault() {
        return delivery == null ? Delivery.browser : Delivery.valueOf(delivery);
    }

    public Map<String, String> settingsOrEmpty() {
        return settings == null ? Map.of() : settings;
    }

    /** The requested category, or null to take the vendor's default. */
    public ConsentCategory categoryOrNull() {
        return consentCategory == null ? null : ConsentCategory.valueOf(consentCategory);
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
