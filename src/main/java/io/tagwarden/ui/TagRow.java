package io.tagwarden.ui;

import io.tagwarden.tag.TagView;
import io.tagwarden.tag.TriggerRequest;
import io.tagwarden.tag.TriggerText;
import io.tagwarden.vendor.VendorCatalog;

/** A tag as the container page lists it, with its trigger in words. */
record TagRow(TagView tag, String vendorName, String trigger) {

    static TagRow of(TagView tag, VendorCatalog vendors) {
        String vendorName = vendors.find(tag.vendor()).map(v -> v.descriptor().name()).orElse(tag.vendor());
        return new TagRow(tag, vendorName, describe(tag.trigger()));
    }

    static String describe(TriggerRequest t) {
        return TriggerText.describe(t.type(), t.event(), t.matchOrAny(), t.url());
    }
}
