package io.tagwarden.forward.vendors;

import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.CredentialField;
import io.tagwarden.forward.ForwardingException;
import io.tagwarden.forward.VendorForwarder;
import io.tagwarden.forward.VendorRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tagwarden.forward.vendors.Payload.obj;
import static io.tagwarden.forward.vendors.Payload.param;

/**
 * LinkedIn Conversions API: {@code POST api.linkedin.com/rest/conversionEvents}, one event per request against the
 * tag's conversion rule, deduplicated with the Insight Tag by {@code eventId}.
 */
@Singleton
public class LinkedInForwarder implements VendorForwarder {

    /**
     * The versioned-API month sent as {@code LinkedIn-Version} unless the credential overrides it. LinkedIn retires a
     * version about a year after release, so the credential lets an admin move on without a release.
     */
    static final String DEFAULT_VERSION = "202411";

    @Override
    public String vendorId() {
        return "linkedin";
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://api.linkedin.com");
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField("accessToken", "Access token",
                        "An OAuth 2.0 access token with the rw_conversions scope for the ad account that owns the conversion rule.",
                        true, true),
                new CredentialField("linkedinVersion", "API version (YYYYMM)",
                        "Optional: the LinkedIn-Version header, e.g. 202411 (the default). Change it when LinkedIn retires that version.",
                        false, false));
    }

    @Override
    public VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                                 URI baseUrl, boolean test) {
        if ("PageView".equals(conversion.vendorEvent())) {
            throw new ForwardingException("LinkedIn: page views are not conversions; the Conversions API takes conversion rules only");
        }
        List<Map<String, Object>> userIds = userIds(conversion);
        if (userIds.isEmpty()) {
            throw new ForwardingException("LinkedIn: the conversion has neither a hashed email nor an li_fat_id click id");
        }
        String currency = Payload.text(param(conversion, "currency"));
        String amount = Payload.decimal(param(conversion, "value"));
        Map<String, Object> event = obj()
                .put("conversion", "urn:lla:llaPartnerConversion:" + settings.get("conversionId"))
                .put("conversionHappenedAt", conversion.eventTime().toEpochMilli())
                // LinkedIn takes a value only with its currency, the amount as a decimal string.
                .put("conversionValue", currency == null || amount == null ? null
                        : Map.of("currencyCode", currency, "amount", amount))
                .put("eventId", conversion.eventId())
                .put("user", Map.of("userIds", userIds))
                .build();
        String version = Payload.optional(credentials, "linkedinVersion");
        // LinkedIn documents no test mode: a test send is a real conversion, deduplicated like any other.
        return new VendorRequest("POST", Payload.uri(baseUrl, "/rest/conversionEvents", Map.of()),
                Payload.jsonHeaders(
                        "Authorization", "Bearer " + Payload.required(credentials, "accessToken", "LinkedIn"),
                        "LinkedIn-Version", version == null ? DEFAULT_VERSION : version,
                        "X-Restli-Protocol-Version", "2.0.0"),
                event);
    }

    private static List<Map<String, Object>> userIds(Conversion conversion) {
        List<Map<String, Object>> ids = new ArrayList<>();
        if (conversion.emailSha256() != null) {
            ids.add(Map.of("idType", "SHA256_EMAIL", "idValue", conversion.emailSha256()));
        }
        String liFatId = Payload.clickId(conversion, "li_fat_id");
        if (liFatId != null) {
            // The click id goes raw, as LinkedIn reads it from the li_fat_id cookie.
            ids.add(Map.of("idType", "LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID", "idValue", liFatId));
        }
        return ids;
    }
}
