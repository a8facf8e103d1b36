package io.tagwarden.vendor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentCategory;

import java.util.List;
import java.util.Map;

/**
 * What the server knows about one vendor, read from {@code snippets/vendors/<id>/descriptor.json}.
 * The format is documented in {@code snippets/README.md}.
 */
@Serdeable
public record VendorDescriptor(
        String id,
        String name,
        ConsentCategory defaultCategory,
        @Nullable Integer gvlId,
        List<Setting> settings,
        Map<String, String> events,
        Map<String, String> parameters,
        List<HostUse> hosts,
        List<CookieUse> cookies,
        List<String> clickIds) {

    /** One configurable value of a tag, such as a pixel id. */
    @Serdeable
    public record Setting(
            String key,
            String label,
            String help,
            boolean required,
            boolean conversionOnly,
            @Nullable String pattern,
            @Nullable String message,
            @Nullable String example) {
    }

    /** A host the vendor's browser code contacts, with the reason it does. */
    @Serdeable
    public record HostUse(String host, String reason) {
    }

    /** A cookie the vendor's browser code may set, with the reason it does. */
    @Serdeable
    public record CookieUse(String name, String reason) {
    }

    public boolean supportsEvent(String event) {
        return events.containsKey(event);
    }
}
