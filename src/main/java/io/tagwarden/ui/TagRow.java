package io.tagwarden.ui;

import io.tagwarden.tag.TagView;
import io.tagwarden.tag.TriggerRequest;
import io.tagwarden.vendor.VendorCatalog;

/** A tag as the container page lists it, with its trigger in words. */
record TagRow(TagView tag, String vendorName, String trigger) {

    static TagRow of(TagView tag, VendorCatalog vendors) {
        String vendorName = vendors.find(tag.vendor()).map(v -> v.descriptor().name()).orElse(tag.vendor());
        return new TagRow(tag, vendorName, describe(tag.trigger()));
    }

    static String describe(TriggerRequest t) {
        String when = "custom_event".equals(t.on()) ? "on event “" + t.event() + "”" : "on page load";
        return switch (t.matchOrAny()) {
            case any -> when + ", every page";
            case equals -> when + ", URL equals " + t.url();
            case contains -> when + ", URL contains " + t.url();
            case prefix -> when + ", URL starts with " + t.url();
            case regex -> when + ", URL matches /" + t.url() + "/";
        };
    }
}
