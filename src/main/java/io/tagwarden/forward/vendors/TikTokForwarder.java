package io.tagwarden.forward.vendors;

import io.micronaut.json.JsonMapper;
import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.VendorAnswer;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.tagwarden.forward.vendors.Payload.obj;
import static io.tagwarden.forward.vendors.Payload.param;

/**
 * TikTok Events API: {@code POST business-api.tiktok.com/open_api/v1.3/event/track/} with the {@code Access-Token}
 * header, one web event per request, deduplicated with the pixel by {@code event_id}. TikTok reports errors inside
 * an HTTP 200 as a non-zero {@code code}.
 */
@Singleton
public class TikTokForwarder implements VendorForwarder {

    /** TikTok's "too many requests" code. */
    static final int RATE_LIMITED = 40100;

    private final JsonMapper json;

    public TikTokForwarder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String vendorId() {
        return "tiktok";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://business-api.tiktok.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("accessToken", "Events API access token",
                        "In TikTok Events Manager, open the pixel's Settings and generate an access token.", true, true),
                new CredentialField("testEventCode", "Test event code",
                        "Optional: the code from the pixel's Test events tab; used only by 'send test event'.", false, false));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        Payload.Obj event = obj()
                .put("event", conversion.vendorEvent())
                .put("event_time", conversion.eventTime().getEpochSecond())
                .put("event_id", conversion.eventId())
                .put("user", obj()
                        .put("email", conversion.emailSha256())
                        // TikTok hashes the E.164 phone with its '+'.
                        .put("phone", conversion.phoneE164Sha256())
                        .put("external_id", conversion.externalIdSha256())
                        .put("ttclid", Payload.clickId(conversion, "ttclid"))
                        .put("ip", conversion.ip())
                        .put("user_agent", conversion.userAgent()))
                .put("page", obj().put("url", conversion.pageUrl()).put("referrer", conversion.referrer()))
                .put("properties", obj()
                        .put("value", Payload.number(param(conversion, "value")))
                        .put("currency", Payload.text(param(conversion, "currency")))
                        .put("contents", Payload.texts(param(conversion, "content_ids")).stream()
                                .map(id -> Map.of("content_id", id)).toList())
                        .put("content_type", Payload.text(param(conversion, "content_type")))
                        .put("order_id", Payload.text(param(conversion, "order_id")))
                        .put("query", Payload.text(param(conversion, "search_term"))))
                .put("limited_data_use", conversion.notForSale() ? Boolean.TRUE : null);
        Payload.Obj body = obj()
                .put("event_source", "web")
                .put("event_source_id", settings.get("pixelId"))
                .put("data", List.of(event.build()));
        if (test) {
            body.put("test_event_code", Payload.optional(credentials, "testEventCode"));
        }
        return new VendorRequest("POST", Payload.uri(baseUrl, "/open_api/v1.3/event/track/", Map.of()),
                Payload.jsonHeaders("Access-Token", Payload.required(credentials, "accessToken", "TikTok")), body.build());
    }

    @Override
    public VendorAnswer readSuccess(int status, String body) {
        Map<String, Object> answer = Payload.readObject(json, body);
        if (answer == null || !(answer.get("code") instanceof Number number)) {
            // Without a code we cannot tell; a retry is safe because TikTok deduplicates by event_id.
            return VendorAnswer.retry("TikTok answered HTTP " + status + " without a result code", null);
        }
        int code = number.intValue();
        String message = "TikTok code " + code + ": " + answer.getOrDefault("message", "");
        if (code == 0) {
            return VendorAnswer.delivered(message);
        }
        // Rate limiting, and TikTok's own 5xxxx server errors, pass; every other code is a problem with the event.
        return code == RATE_LIMITED || code >= 50000 ? VendorAnswer.retry(message, null) : VendorAnswer.rejected(message);
    }
}
