package io.tagwarden.compile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.tag.Delivery;
import io.tagwarden.tag.TriggerType;
import io.tagwarden.tag.UrlMatch;

import io.tagwarden.vendor.VendorDescriptor;

import java.util.List;
import java.util.Map;

/**
 * One enabled tag as the runtime needs it. {@code vendorEvent} is the vendor's own event name and
 * {@code params} maps page-API parameter names to the vendor's names.
 */
@Serdeable
public record TagModel(
        String id,
        String name,
        String vendor,
        @Nullable Integer gvlId,
        ConsentCategory category,
        Map<String, String> settings,
        String event,
        String vendorEvent,
        Map<String, String> params,
        Trigger trigger,
        @Nullable List<VendorDescriptor.HostUse> hosts,
        @Nullable List<VendorDescriptor.CookieUse> cookies,
        @Nullable Delivery delivery) {

    /** Versions published before server delivery existed were browser-only. */
    public Delivery deliveryOrBrowser() {
        return delivery == null ? Delivery.browser : delivery;
    }

    /** Without the vendor's declared hosts and cookies (versions published before they were frozen with the tag). */
    public TagModel(String id, String name, String vendor, @Nullable Integer gvlId, ConsentCategory category, Map<String, String> settings,
                    String event, String vendorEvent, Map<String, String> params, Trigger trigger) {
        this(id, name, vendor, gvlId, category, settings, event, vendorEvent, params, trigger, null, null, null);
    }

    /** When the tag fires; {@code event} only for custom events, {@code url} only when {@code match} is not any. */
    @Serdeable
    public record Trigger(TriggerType on, @Nullable String event, UrlMatch match, @Nullable String url) {
    }
}
