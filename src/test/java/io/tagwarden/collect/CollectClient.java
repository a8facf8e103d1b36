package io.tagwarden.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw requests to the collection endpoints, as a page, a beacon, a backend or a mail client would send them. */
final class CollectClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    CollectClient(URI base) {
        this.base = base;
    }

    HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<byte[]> post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** As navigator.sendBeacon sends a string: text/plain, with the page's Origin. */
    HttpResponse<byte[]> beacon(String body, String... moreHeaders) {
        String[] headers = new String[moreHeaders.length + 4];
        headers[0] = "Content-Type";
        headers[1] = "text/plain;charset=UTF-8";
        headers[2] = "Origin";
        headers[3] = "https://shop.example.com";
        System.arraycopy(moreHeaders, 0, headers, 4, moreHeaders.length);
        return post("/collect", body, headers);
    }

    HttpResponse<byte[]> json(String body, String... moreHeaders) {
        String[] headers = new String[moreHeaders.length + 2];
        headers[0] = "Content-Type";
        headers[1] = "application/json";
        System.arraycopy(moreHeaders, 0, headers, 2, moreHeaders.length);
        return post("/collect", body, headers);
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<byte[]> options(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
