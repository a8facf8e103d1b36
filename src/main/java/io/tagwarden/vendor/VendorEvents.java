package io.tagwarden.vendor;

import java.util.List;

/** Tagwarden's event vocabulary. Each vendor descriptor maps the events it supports to its own names. */
public final class VendorEvents {

    public static final String PAGE_VIEW = "PageView";

    public static final List<String> ALL = List.of(
            PAGE_VIEW, "ViewContent", "Search", "AddToCart", "AddToWishlist", "InitiateCheckout",
            "AddPaymentInfo", "Purchase", "Lead", "CompleteRegistration", "Subscribe", "Contact");

    private VendorEvents() {
    }
}
