package io.tagwarden.e2e.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A customer's site for browser tests: serves the HTML fixtures under {@code e2e-tests/fixtures/} on its own
 * port (a different origin from Tagwarden, as in production), with {@code {{SCRIPT}}} replaced by the
 * container script URL given in the {@code script} query parameter.
 */
public final class FixtureSite implements AutoCloseable {

    private final HttpServer server;
    private final java.util.Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();

    public FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String page = pages.get(path);
            if (page != null) {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            String name = last.endsWith(".html") || last.endsWith(".js") ? last : "page.html";
            String query = exchange.getRequestURI().getRawQuery();
            String script = scriptParameter(query);
            try (InputStream in = FixtureSite.class.getResourceAsStream("/e2e-fixtures/" + name)) {
                byte[] body = in == null ? "not found".getBytes(StandardCharsets.UTF_8)
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{SCRIPT}}", script).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", name.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(in == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        // The runtime's own modules and their tests, straight from the classpath (for RuntimeModulesTest).
        server.createContext("/runtime/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/runtime/".length());
            try (InputStream in = path.contains("..") ? null : FixtureSite.class.getResourceAsStream("/snippets/runtime/" + path)) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
                exchange.sendResponseHeaders(in == null ? 404 : 200, in == null ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** The URL of a fixture page that loads the given container script; extra is more query, e.g. "cmp=tcf". */
    public String page(String path, String scriptUrl, String... extra) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path + "?"
                + (extra.length == 0 ? "" : String.join("&", extra) + "&")
                + "script=" + java.net.URLEncoder.encode(scriptUrl, StandardCharsets.UTF_8);
    }

    /** Serves {@code html} at {@code path} (exactly), as a site owner would after pasting a tag into a page. */
    public String addPage(String path, String html) {
        pages.put(path, html);
        return url(path);
    }

    /** This site's origin, as its pages send it (for a container's allowed origins). */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL of a page on this site, without a container script. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    private static String scriptParameter(String query) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("script=")) {
                return java.net.URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
