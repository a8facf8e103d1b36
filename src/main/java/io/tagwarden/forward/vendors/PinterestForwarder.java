package io.tagwarden.forward.vendors;

import io.micronaut.json.JsonMapper;
import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.ForwardingException;
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
 * Pinterest Conversions API: {@code POST api.pinterest.com/v5/ad_accounts/<adAccountId>/events}, one event per
 * request, deduplicated with the tag by {@code event_id}. Pinterest reports each event's fate inside the 200.
 */
@Singleton
public class PinterestForwarder implements VendorForwarder {

    /** The tag's event names where the API spells them differently; the others (checkout, lead, …) are the same. */
    private static final Map<String, String> API_EVENT_NAMES = Map.of(
            "pagevisit", "page_visit", "addtocart", "add_to_cart", "viewcategory", "view_category", "watchvideo", "watch_video");

    private final JsonMapper json;

    public PinterestForwarder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String vendorId() {
        return "pinterest";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://api.pinterest.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("accessToken", "Conversion access token",
                        "In Pinterest Ads Manager, Conversions, generate a conversion access token for the ad account.", true, true),
                new CredentialField("adAccountId", "Ad account id",
                        "The numeric id of the ad account the tag belongs to (shown in Ads Manager's address and account menu).",
                        false, true));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        boolean ipAndAgent = conversion.ip() != null && conversion.userAgent() != null;
        if (conversion.emailSha256() == null && !ipAndAgent) {
            throw new ForwardingException("Pinterest: an event needs a hashed email or the IP address with the user agent");
        }
        Map<String, Object> event = obj()
                .put("event_name", API_EVENT_NAMES.getOrDefault(conversion.vendorEvent(), conversion.vendorEvent()))
                .put("action_source", "web")
                .put("event_time", conversion.eventTime().getEpochSecond())
                .put("event_id", conversion.eventId())
                .put("event_source_url", conversion.pageUrl())
                .put("user_data", obj()
                        .put("em", Payload.listOf(conversion.emailSha256()))
                        // Pinterest hashes the phone as digits with country code and no '+'.
                        .put("ph", Payload.listOf(conversion.phoneSha256()))
                        .put("external_id", Payload.listOf(conversion.externalIdSha256()))
                        .put("client_ip_address", conversion.ip())
                        .put("client_user_agent", conversion.userAgent())
                        .put("click_id", Payload.clickId(conversion, "epik")))
                .put("custom_data", obj()
                        .put("currency", Payload.text(param(conversion, "currency")))
                        .put("value", Payload.decimal(param(conversion, "value")))
                        .put("content_ids", Payload.texts(param(conversion, "content_ids")))
                        .put("num_items", Payload.number(param(conversion, "num_items")))
                        .put("order_id", Payload.text(param(conversion, "order_id")))
                        .put("search_string", Payload.text(param(conversion, "search_term")))
                        // US Limited Data Processing when the visitor said no sale / sharing.
                        .put("opt_out_type", conversion.notForSale() ? "LDP" : null))
                .build();
        String path = "/v5/ad_accounts/" + Payload.required(credentials, "adAccountId", "Pinterest") + "/events";
        return new VendorRequest("POST", Payload.uri(baseUrl, path, test ? Map.of("test", "true") : Map.of()),
                Payload.jsonHeaders("Authorization", "Bearer " + Payload.required(credentials, "accessToken", "Pinterest")),
                Map.of("data", List.of(event)));
    }

    @Override
    public VendorAnswer readSuccess(int status, String body) {
        Map<String, Object> answer = Payload.readObject(json, body);
        if (answer != null && answer.get("events") instanceof List<?> events) {
            for (Object item : events) {
                if (item instanceof Map<?, ?> event && event.get("status") != null && !"processed".equals(event.get("status"))) {
                    return VendorAnswer.rejected("Pinterest event " + event.get("status") + ": "
                            + (event.get("error_message") == null ? "no error message" : event.get("error_message")));
                }
            }
            if (!events.isEmpty() && events.get(0) instanceof Map<?, ?> event && event.get("warning_message") != null) {
                return VendorAnswer.delivered("Pinterest warning: " + event.get("warning_message"));
            }
        }
        return VendorAnswer.delivered("HTTP " + status);
    }
}
