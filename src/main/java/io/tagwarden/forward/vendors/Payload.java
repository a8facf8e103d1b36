package io.tagwarden.forward.vendors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.tagwarden.forward.Conversion;
import io.tagwarden.forward.ForwardingException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the seven forwarders share to shape a request: JSON objects that never hold a null (vendors read a null as a
 * value, and some reject it), JSON values in the type a vendor wants, and the request address. No sending here.
 */
final class Payload {

    static final String JSON = "application/json";

    private Payload() {
    }

    /** A JSON object under construction; absent values (null, empty object, empty list) are left out. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String key, @Nullable Object given) {
            Object value = given instanceof Obj obj ? obj.build() : given;
            boolean absent = value == null
                    || value instanceof Map<?, ?> map && map.isEmpty()
                    || value instanceof Collection<?> list && list.isEmpty();
            if (!absent) {
                fields.put(key, value);
            }
            return this;
        }

        boolean isEmpty() {
            return fields.isEmpty();
        }

        Map<String, Object> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    static Obj obj() {
        return new Obj();
    }

    /** The vendor path (and query) appended to the configured origin, so tests and proxies can replace the host. */
    static URI uri(URI baseUrl, String path, Map<String, String> query) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        StringBuilder address = new StringBuilder(base).append(path);
        String separator = "?";
        for (Map.Entry<String, String> param : query.entrySet()) {
            address.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = "&";
        }
        return URI.create(address.toString());
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters (also what OAuth 1.0a signs). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A Tagwarden parameter (value, currency, …) of this conversion, or null. */
    static @Nullable Object param(Conversion conversion, String name) {
        return conversion.params() == null ? null : conversion.params().get(name);
    }

    /** A click id of this conversion (raw, as the vendor wants it), or null when absent or blank. */
    static @Nullable String clickId(Conversion conversion, String name) {
        String id = conversion.clickIds() == null ? null : conversion.clickIds().get(name);
        return id == null || id.isBlank() ? null : id;
    }

    /** A JSON number for vendors that want one; params may carry numbers as strings ("49.99"). */
    static @Nullable Number number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A decimal string for vendors that want money as text ("49.99", never "4.999E1"). */
    static @Nullable String decimal(@Nullable Object value) {
        Number n = number(value);
        return n == null ? null : new BigDecimal(n.toString()).toPlainString();
    }

    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : value.toString();
        return s.isBlank() ? null : s;
    }

    /** content_ids as a list of strings, whether the page sent a list or one id. */
    static List<String> texts(@Nullable Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> {
                String s = text(item);
                if (s != null) {
                    out.add(s);
                }
            });
        } else if (text(value) != null) {
            out.add(text(value));
        }
        return List.copyOf(out);
    }

    /** A hashed identifier as the one-element list that Meta and Pinterest want, or null. */
    static @Nullable List<String> listOf(@Nullable String value) {
        return value == null ? null : List.of(value);
    }

    static Map<String, String> jsonHeaders(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return query;
    }

    /** A credential the forwarder cannot work without (the form marks it required, this guards a stale row). */
    static String required(Map<String, String> credentials, String key, String vendor) {
        String value = credentials.get(key);
        if (value == null || value.isBlank()) {
            throw new ForwardingException(vendor + ": the credential '" + key + "' is not set");
        }
        return value.trim();
    }

    static @Nullable String optional(Map<String, String> credentials, String key) {
        String value = credentials.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A vendor's 2xx answer as a JSON object, or null when it is empty or not a JSON object. */
    static @Nullable Map<String, Object> readObject(JsonMapper json, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
