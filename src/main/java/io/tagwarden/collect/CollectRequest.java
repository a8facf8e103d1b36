package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

/**
 * One {@code POST /collect} request as {@link CollectRequests} needs it, whichever way it arrived (the Netty fast path
 * or {@link CollectController}): the raw body, the {@code ?c=} container, and the few headers that matter.
 *
 * @param visitorCookie the {@code tw_vid} cookie's value as sent (checked by {@link VisitorCookie#valid})
 * @param tls           the request came over TLS (directly or, per {@code X-Forwarded-Proto}, through a proxy)
 * @param client        the client's address (the configured client-address header's first address, else the peer's)
 */
record CollectRequest(byte[] body, @Nullable String containerParam, @Nullable String authorization, @Nullable String origin,
                      @Nullable String userAgent, boolean secGpc, @Nullable String visitorCookie, boolean tls, String client) {
}
