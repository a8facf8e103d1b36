package io.tagwarden.forward.vendors;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.forward.VendorRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a forwarder's request with a hand-written golden file {@code forward/golden/<name>.json} of the form
 * {@code {"method", "uri", "headers", "body"}}. Both sides are parsed into trees so key order does not matter; the
 * request is serialized first, as the outbox sender will, so its numbers compare as JSON numbers.
 */
final class Golden {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private Golden() {
    }

    static void assertMatches(VendorRequest request, String name) {
        Map<String, Object> expected = parse(read("/forward/golden/" + name + ".json"));
        String actualJson = json(request);
        assertThat(parse(actualJson)).as("request for %s was %s", name, actualJson).isEqualTo(expected);
    }

    /** The request as the JSON tree the golden files describe. */
    static String json(VendorRequest request) {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("method", request.method());
        actual.put("uri", request.uri().toString());
        actual.put("headers", request.headers());
        actual.put("body", request.body());
        try {
            return JSON.writeValueAsString(actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path in a JSON tree whose value is null, e.g. {@code body.data[0].custom_data.value}. */
    static List<String> nullPaths(Object tree, String path) {
        List<String> found = new ArrayList<>();
        if (tree == null) {
            found.add(path);
        } else if (tree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> found.addAll(nullPaths(value, path + "." + key)));
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(nullPaths(list.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }

    private static String read(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
