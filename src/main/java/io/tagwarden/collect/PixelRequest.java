package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * One image-pixel hit as {@link Pixels} needs it, whichever way it arrived (the Netty fast path or the controller):
 * the query's first value per name, in order, and the few request headers that matter.
 */
record PixelRequest(Map<String, String> query, @Nullable String userAgent, boolean secGpc, @Nullable String referer, String client) {
}
