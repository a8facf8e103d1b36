package io.tagwarden.e2e.support;

import io.tagwarden.support.TestApi;
import io.tagwarden.vendor.Vendor;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Publishes containers with one page-view tag per vendor, the shape most browser tests need. */
public final class SevenVendorContainer {

    public static final List<String> SEVEN = List.of("meta", "google", "linkedin", "x", "tiktok", "reddit", "pinterest");

    private SevenVendorContainer() {
    }

    /**
     * Creates and publishes a container with a page-view tag for each of the seven vendors and a Meta
     * Purchase tag on the custom event "purchase"; returns its id.
     */
    public static String publish(TestApi api, VendorCatalog catalog, String consentJson) {
        String id = (String) api.expect(201, "POST", "/api/containers", "{\"name\": \"Seven vendors\", " + consentJson + "}").get("id");
        for (String vendor : SEVEN) {
            api.createTag(id, pageViewTag(catalog.get(vendor)));
        }
        api.createTag(id, """
                {"name": "Meta purchase event", "vendor": "meta", "settings": {"pixelId": "123456789012345"},
                 "event": "Purchase", "trigger": {"on": "custom_event", "event": "purchase"}}""");
        api.publish(id, "seven vendors");
        return id;
    }

    /** Every host the seven vendors' browser code may contact, from their descriptors. */
    public static Set<String> vendorHosts(VendorCatalog catalog) {
        return SEVEN.stream().flatMap(v -> catalog.get(v).descriptor().hosts().stream())
                .map(VendorDescriptor.HostUse::host).collect(Collectors.toSet());
    }

    /** The host each vendor's loader script comes from (the first host its descriptor declares). */
    public static Set<String> loaderHosts(VendorCatalog catalog) {
        return SEVEN.stream().map(v -> catalog.get(v).descriptor().hosts().get(0).host()).collect(Collectors.toSet());
    }

    public static String pageViewTag(Vendor vendor) {
        StringBuilder settings = new StringBuilder();
        for (VendorDescriptor.Setting s : vendor.descriptor().settings()) {
            if (!s.conversionOnly()) {
                settings.append(settings.isEmpty() ? "" : ", ").append('"').append(s.key()).append("\": \"").append(s.example()).append('"');
            }
        }
        return """
                {"name": "%s page view", "vendor": "%s", "settings": {%s}, "event": "PageView", "trigger": {"on": "page_load"}}"""
                .formatted(vendor.id(), vendor.id(), settings);
    }
}
