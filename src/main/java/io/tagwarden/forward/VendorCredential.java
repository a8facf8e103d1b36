package io.tagwarden.forward;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A {@code vendor_credential} row: {@code sealed} is the encrypted JSON of all values, {@code shown} what the app may display. */
@MappedEntity("vendor_credential")
record VendorCredential(@Id String id, String containerId, String vendor, String sealed, String shown, Instant updatedAt,
                        String updatedBy) {

    static String idOf(String containerId, String vendor) {
        return containerId + "/" + vendor;
    }
}
