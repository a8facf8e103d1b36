package io.tagwarden.vendor;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A loaded, checked vendor: its descriptor, the source of its browser module, and the compiled
 * patterns of its settings.
 */
public record Vendor(VendorDescriptor descriptor, String moduleSource, Map<String, Pattern> settingPatterns) {

    public String id() {
        return descriptor.id();
    }

    /** The module's path as the compiler sees it; the assembled entry imports it by this path. */
    public String modulePath() {
        return "vendors/" + id() + "/" + id() + ".js";
    }
}
