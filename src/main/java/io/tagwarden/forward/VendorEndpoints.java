package io.tagwarden.forward;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Where each vendor's API is: {@code tagwarden.forward.vendors.<id>.base-url}, else the forwarder's production
 * origin. Tests and staging point these at a local stub.
 */
@Singleton
class VendorEndpoints {

    private final Environment environment;

    VendorEndpoints(Environment environment) {
        this.environment = environment;
    }

    URI baseUrl(VendorForwarder forwarder) {
        return environment.getProperty("tagwarden.forward.vendors." + forwarder.vendorId() + ".base-url", URI.class)
                .orElse(forwarder.defaultBaseUrl());
    }
}
