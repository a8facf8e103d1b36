package io.tagwarden.vendor;

import io.micronaut.context.annotation.Context;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Every vendor Tagwarden knows, loaded once at startup (a broken descriptor stops startup). */
@Context
public class VendorCatalog {

    private final Map<String, Vendor> vendors;

    VendorCatalog(VendorCatalogLoader loader) {
        this.vendors = Map.copyOf(loader.load(VendorCatalog.class.getClassLoader()));
    }

    public Optional<Vendor> find(String id) {
        return Optional.ofNullable(id).map(vendors::get);
    }

    public Vendor get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown vendor " + id));
    }

    public Collection<Vendor> all() {
        return vendors.values().stream().sorted(java.util.Comparator.comparing(Vendor::id)).toList();
    }

    public java.util.Set<String> ids() {
        return new java.util.TreeSet<>(vendors.keySet());
    }
}
