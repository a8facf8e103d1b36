package io.tagwarden.forward.vendors;

import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.ForwardingException;
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
 * X Ads API conversions: {@code POST ads-api.x.com/12/measurement/conversions/<pixelId>}, signed with OAuth 1.0a
 * user context, one conversion per request, deduplicated with the pixel by {@code conversion_id}.
 */
@Singleton
public class XForwarder implements VendorForwarder {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final XOAuth1Signer signer;

    public XForwarder(XOAuth1Signer signer) {
        this.signer = signer;
    }

    @Override
    public String vendorId() {
        return "x";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://ads-api.x.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("consumerKey", "API key", "The API key (consumer key) of your X developer app with Ads API access.", true, true),
                new CredentialField("consumerSecret", "API key secret", "The API key secret of the same app.", true, true),
                new CredentialField("accessToken", "Access token",
                        "The access token of an Ad Manager or Account Administrator user of the ads account, for this app.", true, true),
                new CredentialField("accessTokenSecret", "Access token secret", "The secret of that access token.", true, true));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        if ("PageView".equals(conversion.vendorEvent())) {
            throw new ForwardingException("X: page views are not conversions; the Conversion API takes configured events only");
        }
        List<Map<String, Object>> identifiers = identifiers(conversion);
        if (identifiers.isEmpty()) {
            throw new ForwardingException("X: the conversion has no twclid, hashed email or phone, or IP address with user agent");
        }
        String pixelId = settings.get("pixelId");
        Map<String, Object> event = obj()
                .put("conversion_time", ISO_MILLIS.format(conversion.eventTime()))
                .put("event_id", "tw-" + pixelId + "-" + settings.get("eventId"))
                .put("identifiers", identifiers)
                .put("conversion_id", conversion.eventId())
                .put("value", Payload.decimal(param(conversion, "value")))
                .put("price_currency", Payload.text(param(conversion, "currency")))
                .put("number_items", Payload.number(param(conversion, "num_items")))
                .put("contents", Payload.texts(param(conversion, "content_ids")).stream()
                        .map(id -> Map.of("content_id", id)).toList())
                .build();
        // X has no test flag: a test send is a real conversion, deduplicated like any other.
        URI uri = Payload.uri(baseUrl, "/12/measurement/conversions/" + pixelId, Map.of());
        XOAuth1Signer.Keys keys = new XOAuth1Signer.Keys(
                Payload.required(credentials, "consumerKey", "X"), Payload.required(credentials, "consumerSecret", "X"),
                Payload.required(credentials, "accessToken", "X"), Payload.required(credentials, "accessTokenSecret", "X"));
        return new VendorRequest("POST", uri,
                Payload.jsonHeaders("Authorization", signer.authorization("POST", uri, List.of(), keys)),
                Map.of("conversions", List.of(event)));
    }

    /** One identifier per object, as X documents; IP and user agent only as a pair, both raw. */
    private static List<Map<String, Object>> identifiers(Conversion conversion) {
        List<Map<String, Object>> identifiers = new ArrayList<>();
        String twclid = Payload.clickId(conversion, "twclid");
        if (twclid != null) {
            identifiers.add(Map.of("twclid", twclid));
        }
        if (conversion.emailSha256() != null) {
            identifiers.add(Map.of("hashed_email", conversion.emailSha256()));
        }
        if (conversion.phoneE164Sha256() != null) {
            // X's phone normalization is unverified in the reference; X asks for E.164, which carries the '+'.
            identifiers.add(Map.of("hashed_phone_number", conversion.phoneE164Sha256()));
        }
        if (conversion.ip() != null && conversion.userAgent() != null) {
            identifiers.add(Map.of("ip_address", conversion.ip(), "user_agent", conversion.userAgent()));
        }
        return identifiers;
    }
}
