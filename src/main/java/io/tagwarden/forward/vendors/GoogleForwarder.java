package io.tagwarden.forward.vendors;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorAnswer;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tagwarden.forward.vendors.Payload.obj;
import static io.tagwarden.forward.vendors.Payload.param;

/**
 * Google's two conversion APIs behind one tag id: a {@code G-} tag goes to the GA4 Measurement Protocol (at the
 * {@code baseUrl} the caller passes), an {@code AW-} tag to the Google Ads API {@code uploadClickConversions} (at
 * {@code tagwarden.forward.vendors.google-ads.base-url}, because one vendor id has only one configurable origin).
 * The credentials of both are optional in the form: which ones a tag needs depends on its id, checked here.
 */
@Singleton
public class GoogleForwarder implements VendorForwarder {

    static final String ADS_API_VERSION = "v26";
    private static final DateTimeFormatter ADS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final URI adsBaseUrl;
    private final JsonMapper json;

    public GoogleForwarder(@Value("${tagwarden.forward.vendors.google-ads.base-url:https://googleads.googleapis.com}")
                           URI adsBaseUrl, JsonMapper json) {
        this.adsBaseUrl = adsBaseUrl;
        this.json = json;
    }

    @Override
    public String vendorId() {
        return "google";
    }

    /** The GA4 Measurement Protocol origin; the Google Ads origin is configured separately (see the class comment). */
    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://www.google-analytics.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("apiSecret", "GA4 Measurement Protocol API secret",
                        "For G- tags: in GA4 Admin, Data streams, your web stream, Measurement Protocol API secrets.", true, false),
                new CredentialField("developerToken", "Google Ads developer token",
                        "For AW- tags: in the Google Ads manager account, Tools, API Center.", true, false),
                new CredentialField("accessToken", "Google Ads OAuth access token",
                        "For AW- tags: an OAuth 2.0 access token with the https://www.googleapis.com/auth/adwords scope.", true, false),
                new CredentialField("customerId", "Google Ads customer id",
                        "For AW- tags: the account that owns the conversion action, e.g. 123-456-7890.", false, false),
                new CredentialField("conversionActionId", "Google Ads conversion action id",
                        "For AW- tags: the numeric id of the conversion action (its ctId in the Google Ads address).", false, false),
                new CredentialField("loginCustomerId", "Google Ads login customer id",
                        "Optional, for AW- tags: the manager account id when the token's user reaches the account through one.", false, false));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        String tagId = settings.getOrDefault("tagId", "");
        if (tagId.startsWith("G-")) {
            return ga4(conversion, tagId, credentials, baseUrl, test);
        }
        if (tagId.startsWith("AW-")) {
            return ads(conversion, credentials, test);
        }
        if (tagId.startsWith("DC-")) {
            throw new ForwardingException("Google: Floodlight has no conversion API supported here (DC- tag)");
        }
        throw new ForwardingException("Google: the tag id '" + tagId + "' is neither a GA4 (G-) nor a Google Ads (AW-) id");
    }

    private VendorRequest ga4(Conversion conversion, String measurementId, Map<String, String> credentials,
                              URI baseUrl, boolean test) {
        String orderId = Payload.text(param(conversion, "order_id"));
        boolean purchase = "purchase".equals(conversion.vendorEvent());
        Payload.Obj params = obj()
                // event_id mirrors what the browser tag sends; transaction_id is GA4's purchase dedup key.
                .put("event_id", conversion.eventId())
                .put("transaction_id", orderId != null ? orderId : purchase ? conversion.eventId() : null)
                .put("value", Payload.number(param(conversion, "value")))
                .put("currency", Payload.text(param(conversion, "currency")))
                .put("items", Payload.texts(param(conversion, "content_ids")).stream()
                        .map(id -> Map.of("item_id", id)).toList())
                .put("search_term", Payload.text(param(conversion, "search_term")))
                .put("page_location", conversion.pageUrl())
                .put("page_referrer", conversion.referrer());
        Map<String, Object> body = obj()
                // The _ga cookie is not stored, so the visitor id stands in for it (stable per visitor); an event
                // without one becomes its own client, keyed by its dedup id.
                .put("client_id", conversion.visitorId() != null ? conversion.visitorId() : conversion.eventId())
                .put("timestamp_micros", Math.addExact(Math.multiplyExact(conversion.eventTime().getEpochSecond(), 1_000_000L),
                        conversion.eventTime().getNano() / 1_000L))
                .put("consent", consent(conversion))
                .put("events", List.of(obj().put("name", conversion.vendorEvent()).put("params", params).build()))
                .build();
        URI uri = Payload.uri(baseUrl, test ? "/debug/mp/collect" : "/mp/collect", Payload.query(
                "measurement_id", measurementId, "api_secret", Payload.required(credentials, "apiSecret", "Google Analytics")));
        return new VendorRequest("POST", uri, Payload.jsonHeaders(), body);
    }

    private VendorRequest ads(Conversion conversion, Map<String, String> credentials, boolean test) {
        if ("page_view".equals(conversion.vendorEvent())) {
            throw new ForwardingException("Google Ads: a page view is not uploaded as a conversion");
        }
        String customerId = digits(Payload.required(credentials, "customerId", "Google Ads"));
        List<Map<String, Object>> identifiers = new ArrayList<>();
        if (conversion.emailSha256() != null) {
            identifiers.add(Map.of("hashed_email", conversion.emailSha256()));
        }
        if (conversion.phoneE164Sha256() != null) {
            // Google hashes the E.164 phone with its '+'.
            identifiers.add(Map.of("hashed_phone_number", conversion.phoneE164Sha256()));
        }
        String gclid = Payload.clickId(conversion, "gclid");
        String gbraid = gclid == null ? Payload.clickId(conversion, "gbraid") : null;
        String wbraid = gclid == null && gbraid == null ? Payload.clickId(conversion, "wbraid") : null;
        if (gclid == null && gbraid == null && wbraid == null && identifiers.isEmpty()) {
            throw new ForwardingException("Google Ads: the conversion has no gclid, gbraid or wbraid and no hashed "
                    + "email or phone, so it cannot be matched to an ad click");
        }
        String orderId = Payload.text(param(conversion, "order_id"));
        Payload.Obj click = obj()
                // Only one click id is allowed per conversion; gclid is the most precise.
                .put("gclid", gclid).put("gbraid", gbraid).put("wbraid", wbraid)
                .put("conversion_action", "customers/" + customerId + "/conversionActions/"
                        + digits(Payload.required(credentials, "conversionActionId", "Google Ads")))
                .put("conversion_date_time", ADS_TIME.format(conversion.eventTime()))
                .put("conversion_value", Payload.number(param(conversion, "value")))
                .put("currency_code", Payload.text(param(conversion, "currency")))
                // The browser tag's transaction_id is the order id, else the dedup id: the same here.
                .put("order_id", orderId != null ? orderId : conversion.eventId())
                .put("user_identifiers", identifiers)
                .put("consent", consent(conversion));
        Payload.Obj body = obj().put("conversions", List.of(click.build())).put("partial_failure", true);
        if (test) {
            body.put("validate_only", true);
        }
        String login = Payload.optional(credentials, "loginCustomerId");
        return new VendorRequest("POST",
                Payload.uri(adsBaseUrl, "/" + ADS_API_VERSION + "/customers/" + customerId + ":uploadClickConversions", Map.of()),
                Payload.jsonHeaders(
                        "Authorization", "Bearer " + Payload.required(credentials, "accessToken", "Google Ads"),
                        "developer-token", Payload.required(credentials, "developerToken", "Google Ads"),
                        "login-customer-id", login == null ? null : digits(login)),
                body.build());
    }

    private static Map<String, Object> consent(Conversion conversion) {
        String granted = conversion.adUserData() ? "GRANTED" : "DENIED";
        return Map.of("ad_user_data", granted, "ad_personalization", granted);
    }

    private static String digits(String id) {
        return id.replace("-", "");
    }

    /** Google Ads answers 200 with a partial failure error when the one conversion of the request was refused. */
    @Override
    public VendorAnswer readSuccess(int status, String body) {
        Map<String, Object> answer = Payload.readObject(json, body);
        if (answer == null) {
            // GA4's /mp/collect answers with no body at all.
            return VendorAnswer.delivered("HTTP " + status);
        }
        // The API answers in proto3 JSON (lowerCamelCase); snake_case is accepted too.
        Object failure = answer.containsKey("partialFailureError") ? answer.get("partialFailureError")
                : answer.get("partial_failure_error");
        if (failure instanceof Map<?, ?> error && !error.isEmpty()) {
            return VendorAnswer.rejected("Google Ads partial failure: " + (error.get("message") != null ? error.get("message") : error));
        }
        // Only GA4's /debug/mp/collect (a test event) answers with validation messages.
        if (answer.get("validationMessages") instanceof List<?> messages && !messages.isEmpty()) {
            return VendorAnswer.rejected("GA4 validation: " + (messages.get(0) instanceof Map<?, ?> first
                    && first.get("description") != null ? first.get("description") : messages.get(0)));
        }
        return VendorAnswer.delivered("HTTP " + status);
    }
}
