package io.tagwarden.forward.vendors;

import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.tagwarden.forward.vendors.Payload.obj;
import static io.tagwarden.forward.vendors.Payload.param;

/**
 * Meta Conversions API: {@code POST graph.facebook.com/<version>/<pixelId>/events?access_token=…}, one event per
 * request, deduplicated with the pixel by {@code event_id} (the browser's {@code eventID}).
 */
@Singleton
public class MetaForwarder implements VendorForwarder {

    /** The Graph API version in the path; Meta keeps a version for about two years after the next one ships. */
    static final String GRAPH_VERSION = "v21.0";

    @Override
    public String vendorId() {
        return "meta";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://graph.facebook.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("accessToken", "Conversions API access token",
                        "In Events Manager, open the pixel's Settings and generate an access token under Conversions API.",
                        true, true),
                new CredentialField("testEventCode", "Test event code",
                        "Optional: the code from Events Manager's Test events tab (e.g. TEST12345); used only by "
                                + "'send test event', so production events are never marked as tests.",
                        false, false));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        // Meta rejects a website event without the browser's user agent, and the whole batch with it.
        if (conversion.userAgent() == null) {
            throw new ForwardingException("Meta: a website event needs the visitor's user agent (client_user_agent)");
        }
        Payload.Obj event = obj()
                .put("event_name", conversion.vendorEvent())
                .put("event_time", conversion.eventTime().getEpochSecond())
                .put("event_id", conversion.eventId())
                .put("action_source", "website")
                .put("event_source_url", conversion.pageUrl())
                .put("user_data", userData(conversion))
                .put("custom_data", customData(conversion));
        if (conversion.notForSale()) {
            // Not for sale / sharing: no ads optimisation and Limited Data Use, state and country geolocated by Meta.
            event.put("opt_out", true)
                    .put("data_processing_options", List.of("LDU"))
                    .put("data_processing_options_country", 0)
                    .put("data_processing_options_state", 0);
        }
        Payload.Obj body = obj().put("data", List.of(event.build()));
        if (test) {
            body.put("test_event_code", Payload.optional(credentials, "testEventCode"));
        }
        URI uri = Payload.uri(baseUrl, "/" + GRAPH_VERSION + "/" + settings.get("pixelId") + "/events",
                Payload.query("access_token", Payload.required(credentials, "accessToken", "Meta")));
        return new VendorRequest("POST", uri, Payload.jsonHeaders(), body.build());
    }

    private static Payload.Obj userData(Conversion conversion) {
        String fbclid = Payload.clickId(conversion, "fbclid");
        return obj()
                .put("em", Payload.listOf(conversion.emailSha256()))
                // Meta hashes the phone as digits with country code and no '+'.
                .put("ph", Payload.listOf(conversion.phoneSha256()))
                .put("external_id", Payload.listOf(conversion.externalIdSha256()))
                .put("client_ip_address", conversion.ip())
                .put("client_user_agent", conversion.userAgent())
                // Without the _fbc cookie Meta accepts fbc built from fbclid: subdomain index 1, click time in ms.
                .put("fbc", fbclid == null ? null : "fb.1." + conversion.receivedAt().toEpochMilli() + "." + fbclid);
    }

    private static Payload.Obj customData(Conversion conversion) {
        return obj()
                .put("value", Payload.number(param(conversion, "value")))
                .put("currency", Payload.text(param(conversion, "currency")))
                .put("content_ids", Payload.texts(param(conversion, "content_ids")))
                .put("content_type", Payload.text(param(conversion, "content_type")))
                .put("order_id", Payload.text(param(conversion, "order_id")))
                .put("num_items", Payload.number(param(conversion, "num_items")))
                .put("search_string", Payload.text(param(conversion, "search_term")));
    }
}
