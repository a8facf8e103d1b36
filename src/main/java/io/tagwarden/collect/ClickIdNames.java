package io.tagwarden.collect;

import io.tagwarden.vendor.VendorCatalog;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.TreeSet;

/** The click-id URL parameters of every vendor in the catalogue (fbclid, gclid, …), as their descriptors declare them. */
@Singleton
class ClickIdNames {

    private final Set<String> names;

    ClickIdNames(VendorCatalog catalog) {
        Set<String> all = new TreeSet<>();
        catalog.all().forEach(v -> all.addAll(v.descriptor().clickIds()));
        this.names = Set.copyOf(all);
    }

    Set<String> all() {
        return names;
    }
}
