package io.tagwarden.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for tests: raw status, headers and bytes, JSON parsed into maps. */
public final class TestApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final URI base;

    public TestApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public HttpResponse<byte[]> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Map<String, Object> map(HttpResponse<byte[]> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + new String(response.body()), e);
        }
    }

    public List<Object> list(HttpResponse<byte[]> response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and insists on the expected status, returning the parsed JSON object. */
    public Map<String, Object> expect(int status, String method, String path, String body) {
        HttpResponse<byte[]> r = send(method, path, body);
        if (r.statusCode() != status) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + " (expected " + status + "): "
                    + new String(r.body()));
        }
        return r.body().length == 0 ? Map.of() : map(r);
    }

    public String createContainer(String name) {
        return (String) expect(201, "POST", "/api/containers", "{\"name\": \"" + name + "\", \"allowedOrigins\": [\"https://shop.example.com\"]}").get("id");
    }

    public long createTag(String containerId, String tagJson) {
        return ((Number) expect(201, "POST", "/api/containers/" + containerId + "/tags", tagJson).get("id")).longValue();
    }

    public Map<String, Object> publish(String containerId, String note) {
        return expect(201, "POST", "/api/containers/" + containerId + "/versions", "{\"note\": \"" + note + "\"}");
    }

    public static String metaPurchaseTag() {
        return """
                {"name": "Meta purchase", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "page_load", "urlMatch": "prefix", "url": "/thank-you"}}""";
    }

    public static String googlePageViewTag() {
        return """
                {"name": "GA4", "vendor": "google", "settings": {"tagId": "G-ABC1234567"}, "event": "PageView",
                 "trigger": {"on": "page_load"}, "consentCategory": "analytics"}""";
    }
}
