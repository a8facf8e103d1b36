package io.tagwarden.forward;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The vendor forwarders by vendor id: every {@link VendorForwarder} bean, no list to edit when one is added. */
@Singleton
public class Forwarders {

    private final Map<String, VendorForwarder> byVendor = new TreeMap<>();

    Forwarders(List<VendorForwarder> forwarders) {
        for (VendorForwarder f : forwarders) {
            if (byVendor.put(f.vendorId(), f) != null) {
                throw new IllegalStateException("Two forwarders for vendor '" + f.vendorId() + "'");
            }
        }
    }

    public Optional<VendorForwarder> find(String vendorId) {
        return Optional.ofNullable(byVendor.get(vendorId));
    }

    public java.util.Set<String> vendorIds() {
        return byVendor.keySet();
    }
}
