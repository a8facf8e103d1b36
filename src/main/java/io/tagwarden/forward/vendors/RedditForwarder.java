package io.tagwarden.forward.vendors;

import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.tagwarden.forward.vendors.Payload.obj;
import static io.tagwarden.forward.vendors.Payload.param;

/**
 * Reddit Conversions API v3: {@code POST ads-api.reddit.com/api/v3/pixels/<pixelId>/conversion_events}, one
 * event per request, deduplicated with the pixel by {@code metadata.conversion_id} (the browser's conversionId).
 */
@Singleton
public class RedditForwarder implements VendorForwarder {

    /** The v3 tracking types; any other pixel event name is sent as CUSTOM with its own name. */
    private static final Set<String> TRACKING_TYPES = Set.of("PAGE_VISIT", "VIEW_CONTENT", "SEARCH", "ADD_TO_CART",
            "ADD_TO_WISHLIST", "PURCHASE", "LEAD", "SIGN_UP");

    @Override
    public String vendorId() {
        return "reddit";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://ads-api.reddit.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("accessToken", "Conversion access token",
                        "In Reddit Ads Events Manager, open Conversions API and generate a conversion access token.", true, true),
                new CredentialField("testId", "Test id",
                        "Optional: the test id from Events Manager's event testing tool; used only by 'send test event'.", false, false));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        Map<String, Object> event = obj()
                .put("event_at", conversion.eventTime().toEpochMilli())
                .put("action_source", "WEBSITE")
                .put("type", type(conversion.vendorEvent()))
                .put("event_source_url", conversion.pageUrl())
                .put("click_id", Payload.clickId(conversion, "rdt_cid"))
                .put("metadata", obj()
                        .put("conversion_id", conversion.eventId())
                        .put("value", Payload.number(param(conversion, "value")))
                        .put("currency", Payload.text(param(conversion, "currency")))
                        .put("item_count", Payload.number(param(conversion, "num_items")))
                        .put("products", Payload.texts(param(conversion, "content_ids")).stream()
                                .map(id -> Map.of("id", id)).toList()))
                .put("user", obj()
                        .put("email", conversion.emailSha256())
                        // Reddit's phone normalization is unverified in the reference; E.164 with '+' as Google/TikTok.
                        .put("phone_number", conversion.phoneE164Sha256())
                        .put("external_id", conversion.externalIdSha256())
                        .put("ip_address", conversion.ip())
                        .put("user_agent", conversion.userAgent())
                        .put("data_processing_options", conversion.notForSale() ? Map.of("modes", List.of("LDU")) : null))
                .build();
        Payload.Obj data = obj();
        if (test) {
            data.put("test_id", Payload.optional(credentials, "testId"));
        }
        data.put("events", List.of(event));
        return new VendorRequest("POST",
                Payload.uri(baseUrl, "/api/v3/pixels/" + settings.get("pixelId") + "/conversion_events", Map.of()),
                Payload.jsonHeaders("Authorization", "Bearer " + Payload.required(credentials, "accessToken", "Reddit")),
                Map.of("data", data.build()));
    }

    /** The pixel's event names (PageVisit, SignUp, …) as v3 tracking types (PAGE_VISIT, SIGN_UP, …). */
    private static Map<String, Object> type(String vendorEvent) {
        String type = vendorEvent.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return TRACKING_TYPES.contains(type) ? Map.of("tracking_type", type)
                : Map.of("tracking_type", "CUSTOM", "custom_event_name", vendorEvent);
    }
}
