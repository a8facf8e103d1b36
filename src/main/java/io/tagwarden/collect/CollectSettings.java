package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A container's first-party collection: whether its script sends events to {@code /collect} ({@code enabled}),
 * how visitors' IP addresses are kept ({@code truncated}: last octet / last 80 bits zeroed, or {@code full}),
 * and after how many days events are purged. Omitted fields take the defaults ({@link #defaults()}).
 */
@Serdeable
public record CollectSettings(
        @Nullable Boolean enabled,
        @Nullable @Pattern(regexp = "truncated|full", message = "must be truncated or full") String ipAddresses,
        @Nullable @Min(1) @Max(3650) Integer retentionDays) {

    public static final int DEFAULT_RETENTION_DAYS = 395;

    public static CollectSettings defaults() {
        return new CollectSettings(true, "truncated", DEFAULT_RETENTION_DAYS);
    }

    public CollectSettings withDefaults() {
        CollectSettings d = defaults();
        return new CollectSettings(enabled != null ? enabled : d.enabled(), ipAddresses != null ? ipAddresses : d.ipAddresses(),
                retentionDays != null ? retentionDays : d.retentionDays());
    }

    public boolean collects() {
        return !Boolean.FALSE.equals(enabled);
    }

    public boolean keepsFullIp() {
        return "full".equals(ipAddresses);
    }
}
