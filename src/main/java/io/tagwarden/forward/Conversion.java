package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as a forwarder sees it: what the consent state it was collected under allowed to be kept, plus
 * the tag's vendor event name. Identifiers are already SHA-256 hex of the normalized value (email trimmed and lower
 * case; phone as digits with country code, {@code phoneSha256} without and {@code phoneE164Sha256} with the
 * {@code +}); IP, user agent and click ids are raw, as the vendors want them. {@code params} holds Tagwarden's
 * parameter names (value, currency, content_ids, content_type, order_id, num_items, search_term) with JSON values
 * (String, Number, Boolean, List).
 *
 * @param event        Tagwarden's event name (Purchase, Lead, …)
 * @param vendorEvent  the vendor's name for it, from the vendor descriptor's {@code events} map
 * @param eventTime    when the event happened (client time when the page sent one, else when it was received)
 * @param receivedAt   when Tagwarden received it (used as the click time for click-id formats such as Meta's fbc)
 * @param adUserData   marketing consent was granted (Google's ad_user_data / ad_personalization)
 * @param notForSale   GPC or Sec-GPC said no sale/sharing
 */
public record Conversion(
        String eventId,
        String event,
        String vendorEvent,
        Instant eventTime,
        Instant receivedAt,
        @Nullable String pageUrl,
        @Nullable String referrer,
        @Nullable String userAgent,
        @Nullable String ip,
        @Nullable String visitorId,
        Map<String, String> clickIds,
        Map<String, Object> params,
        @Nullable String emailSha256,
        @Nullable String phoneSha256,
        @Nullable String phoneE164Sha256,
        @Nullable String externalIdSha256,
        boolean adUserData,
        boolean notForSale) {
}
