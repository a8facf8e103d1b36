package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * How a request reached us: the client's address and user agent, the {@code Sec-GPC} header, when, the visitor id
 * cookie it carried, and the channel ({@code browser}: the container script or a page; {@code server}: a site's
 * backend with its ingest key; {@code pixel}: the image pixel).
 */
record Arrival(@Nullable String ip, @Nullable String userAgent, boolean secGpc, Instant receivedAt, @Nullable String visitorCookie,
               Channel channel) {

    enum Channel { browser, server, pixel }
}
