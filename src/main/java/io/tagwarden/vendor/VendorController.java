package io.tagwarden.vendor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** Read-only API over the vendor catalogue: what a tag form needs to render and validate. */
@Controller("/api/vendors")
@Secured(SecurityRule.IS_AUTHENTICATED)
class VendorController {

    private final VendorCatalog catalog;

    VendorController(VendorCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    List<VendorDescriptor> list() {
        return catalog.all().stream().map(Vendor::descriptor).toList();
    }

    @Get("/{id}")
    VendorDescriptor show(String id) {
        return catalog.find(id).map(Vendor::descriptor)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No vendor '" + id + "'; known: " + catalog.ids()));
    }
}
