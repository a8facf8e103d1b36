package io.tagwarden.forward.vendors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * OAuth 1.0a HMAC-SHA1 signatures (RFC 5849 section 3) for X's Ads API, which takes only user-context OAuth 1.0a.
 * The clock and the nonce source are injected so a signed request can be reproduced in a test.
 */
@Singleton
public class XOAuth1Signer {

    /** The four values of a user-context X app: the app's API key and secret, the user's access token and secret. */
    public record Keys(String consumerKey, String consumerSecret, String token, String tokenSecret) {
    }

    private final Clock clock;
    private final Supplier<String> nonces;

    @Inject
    public XOAuth1Signer(Clock clock) {
        this(clock, randomNonces(new SecureRandom()));
    }

    XOAuth1Signer(Clock clock, Supplier<String> nonces) {
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * The {@code Authorization} header value for one request.
     *
     * @param formParams the {@code application/x-www-form-urlencoded} body parameters, decoded; none for a JSON body
     *                   (RFC 5849 signs only form bodies)
     */
    public String authorization(String method, URI uri, List<Map.Entry<String, String>> formParams, Keys keys) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", keys.consumerKey());
        oauth.put("oauth_nonce", nonces.get());
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        oauth.put("oauth_token", keys.token());
        oauth.put("oauth_version", "1.0");
        List<Map.Entry<String, String>> params = new ArrayList<>(queryParams(uri));
        params.addAll(formParams);
        params.addAll(oauth.entrySet());
        oauth.put("oauth_signature", signature(baseString(method, uri, params), keys.consumerSecret(), keys.tokenSecret()));
        return "OAuth " + oauth.entrySet().stream()
                .map(e -> Payload.encode(e.getKey()) + "=\"" + Payload.encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** RFC 5849 3.4.1: method, base string URI and normalized parameters, each percent-encoded, joined by '&'. */
    static String baseString(String method, URI uri, List<Map.Entry<String, String>> params) {
        String normalized = params.stream()
                .map(e -> Map.entry(Payload.encode(e.getKey()), Payload.encode(e.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + Payload.encode(baseUri(uri)) + "&" + Payload.encode(normalized);
    }

    /** RFC 5849 3.4.2: HMAC-SHA1 keyed by the encoded consumer secret and token secret, Base64. */
    static String signature(String baseString, String consumerSecret, String tokenSecret) {
        String key = Payload.encode(consumerSecret) + "&" + Payload.encode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }

    /** RFC 5849 3.4.1.2: lower-case scheme and host, the port only when not the scheme's default, no query. */
    private static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 3.4.1.3.1: the query is decoded as application/x-www-form-urlencoded ('+' is a space). */
    static List<Map.Entry<String, String>> queryParams(URI uri) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
