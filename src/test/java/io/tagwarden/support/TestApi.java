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
    private final String token;

    /** A client without credentials. */
    public TestApi(URI base) {
        this(base, null);
    }

    private TestApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** A client signed in as the first administrator (whose password the test configuration sets). */
    public static TestApi admin(URI base) {
        return new TestApi(base).signIn("admin", ADMIN_PASSWORD);
    }

    /** A client signed in as the first administrator of a server started with this initial password. */
    public static TestApi admin(URI base, String password) {
        return new TestApi(base).signIn("admin", password);
    }

    /** A client with an API token for this user. */
    public TestApi signIn(String username, String password) {
        Map<String, Object> issued = expect(201, "POST", "/api/tokens",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\", \"name\": \"tests\"}");
        return new TestApi(base, (String) issued.get("token"));
    }

    /** Creates a user (this client must be an admin) and returns a client signed in as that user. */
    public TestApi createUser(String username, String role) {
        String password = "password-of-" + username;
        expect(201, "POST", "/api/users", "{\"username\": \"" + username + "\", \"role\": \"" + role
                + "\", \"password\": \"" + password + "\"}");
        return signIn(username, password);
    }

    /** This client without its token. */
    public TestApi anonymous() {
        return new TestApi(base, null);
    }

    public URI base() {
        return base;
    }

    /** This client's API token (null when anonymous). */
    public String token() {
        return token;
    }

    public HttpResponse<byte[]> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
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

    /** A JSON array of objects, each as a map. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(HttpResponse<byte[]> response) {
        return list(response).stream().map(e -> (Map<String, Object>) e).toList();
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
