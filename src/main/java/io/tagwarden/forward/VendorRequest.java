package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Map;

/**
 * The HTTP request a forwarder wants sent: method, full address (base URL from configuration plus the vendor's
 * path and query), headers, and the JSON body as a tree of maps, lists, strings, numbers and booleans (serialized
 * by the outbox sender). Credentials go in headers or the query only, as each vendor documents.
 */
public record VendorRequest(String method, URI uri, Map<String, String> headers, @Nullable Object body) {
}
