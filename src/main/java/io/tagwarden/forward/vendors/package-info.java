/**
 * The seven server-side conversion forwarders, one class per vendor, each a bean found by its vendor id. They only
 * shape requests and read 2xx answers; sending, retries and storage belong to the outbox.
 *
 * <p>Choices a reader should not have to rediscover:
 * <ul>
 *   <li>Versions in paths: Meta Graph API {@code v21.0}, Google Ads API {@code v26}, X Ads API {@code 12},
 *       TikTok {@code v1.3}, Reddit {@code v3}, Pinterest {@code v5}; LinkedIn's {@code LinkedIn-Version} header
 *       defaults to {@code 202411} and the optional {@code linkedinVersion} credential overrides it.</li>
 *   <li>The base URL given to a forwarder replaces the origin (a path prefix in it is kept); the vendor path is
 *       appended. Google has two APIs: the given base URL is GA4's (use {@code https://region1.google-analytics.com}
 *       for EU collection), Google Ads' origin is {@code tagwarden.forward.vendors.google-ads.base-url}
 *       (default {@code https://googleads.googleapis.com}).</li>
 *   <li>Test sends ({@code test = true}) use the vendor's test mode: Meta/TikTok {@code test_event_code} and Reddit
 *       {@code test_id} from optional credentials (never on production sends), Pinterest {@code ?test=true}, GA4
 *       {@code /debug/mp/collect}, Google Ads {@code validate_only}. LinkedIn and X have none: a test send is a real,
 *       deduplicated conversion.</li>
 *   <li>GA4 {@code client_id} is the Tagwarden visitor id (stable per visitor; the {@code _ga} cookie is not kept),
 *       else the event's dedup id. GA4 {@code transaction_id} and Google Ads {@code order_id} are the order id, else the
 *       dedup id, exactly as the browser tag sends them, so both copies deduplicate.</li>
 *   <li>Requests every vendor would refuse are refused here with a {@link io.tagwarden.forward.ForwardingException}:
 *       Google Ads without click id or hashed identifier, Floodlight tags, Meta without user agent, LinkedIn/X
 *       without any identifier, Pinterest without email or IP with user agent, page views to LinkedIn, X and
 *       Google Ads.</li>
 * </ul>
 */
package io.tagwarden.forward.vendors;
