package io.tagwarden.forward;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The server-to-server delivery of one vendor's conversions: the only Java that knows a vendor by name. One
 * implementation per vendor in {@code io.tagwarden.forward.vendors}, a {@code @Singleton} found by
 * {@link #vendorId()} (the id of {@code snippets/vendors/<id>/}). Everything else (the outbox, retries, backoff,
 * Retry-After, HTTP, credentials storage) is shared and lives outside these classes.
 */
public interface VendorForwarder {

    /** The vendor descriptor id this forwarder delivers for: meta, google, linkedin, x, tiktok, reddit, pinterest. */
    String vendorId();

    /** The vendor's production API origin, e.g. {@code https://graph.facebook.com}; configuration may replace it. */
    URI defaultBaseUrl();

    /** The credentials this vendor's API needs, in the order the admin form shows them. */
    List<CredentialField> credentialFields();

    /**
     * The request that delivers one conversion.
     *
     * @param settings    the tag's vendor settings (the descriptor's keys, e.g. pixelId), already validated
     * @param credentials this container's credentials for the vendor, by {@link CredentialField#key()}; required ones are present
     * @param baseUrl     where to send (the default or the configured one); the vendor's path is appended
     * @param test        a "send test event" from the admin app: use the vendor's test/validation mode where it has one
     * @throws ForwardingException when this conversion cannot be delivered to this vendor at all (e.g. Google Ads
     *                             without a gclid or identifiers): the job is rejected with this message, not retried
     */
    VendorRequest request(Conversion conversion, Map<String, String> settings, Map<String, String> credentials,
                          URI baseUrl, boolean test);

    /**
     * Reads a 2xx answer: most vendors mean "delivered", some report errors inside a 2xx (TikTok's non-zero
     * {@code code}, Pinterest's per-event status). Non-2xx answers are classified by the shared machinery
     * (429 and 5xx retried with backoff and Retry-After, other 4xx rejected with the vendor's body).
     */
    default VendorAnswer readSuccess(int status, String body) {
        return VendorAnswer.delivered("HTTP " + status);
    }
}
