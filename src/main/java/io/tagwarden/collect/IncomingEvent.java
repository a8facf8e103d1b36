package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * One event as received and checked, before the consent rules decide what of it is kept. User identifiers are
 * already hashed ({@link Identifiers}); {@code paramsJson} is the validated custom parameters as a JSON object.
 * {@code ip}, {@code userAgent} and {@code visitorId} are only accepted from a site's backend (ingest key).
 */
record IncomingEvent(
        @Nullable String container,
        String event,
        @Nullable String eventId,
        @Nullable Instant clientTime,
        @Nullable String url,
        @Nullable String referrer,
        ConsentClaim consent,
        Map<String, String> clickIds,
        @Nullable String paramsJson,
        HashedUser user,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String visitorId) {

    /** SHA-256 hex of the normalized identifiers a site sent, each null when absent. */
    record HashedUser(@Nullable String email, @Nullable String phone, @Nullable String phoneE164, @Nullable String externalId) {
        static final HashedUser NONE = new HashedUser(null, null, null, null);

        boolean isEmpty() {
            return email == null && phone == null && externalId == null;
        }
    }
}
