package io.tagwarden.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake Meta endpoint for browser tests: an HTTPS server on loopback, with a self-signed certificate made at
 * start by the JDK's keytool, that plays {@code connect.facebook.net} and {@code www.facebook.com}. It serves a
 * fake {@code /en_US/fbevents.js} (the fixture {@code fake-fbevents.js}, not Meta's code) which turns fbq events
 * into {@code GET /tr?id=..&ev=..&eid=..&cd[..]=..}, answers {@code /tr} with a 1x1 GIF and everything else with
 * 404, and records every request. {@link Browser#withFakeVendors} tunnels the browser's CONNECTs for
 * {@link #HOSTS} here and ignores certificate errors.
 */
public final class FakeVendorServer implements AutoCloseable {

    /** The hosts this server plays. */
    public static final Set<String> HOSTS = Set.of("connect.facebook.net", "www.facebook.com");

    /** One request as received: Host header (as sent), method, path and the decoded query (last value wins). */
    public record Request(String host, String method, String path, Map<String, String> query) {
    }

    private static final char[] PASSWORD = "fake-vendor".toCharArray();
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Path dir;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-vendor");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final byte[] fbevents;

    public FakeVendorServer() {
        try (InputStream in = FakeVendorServer.class.getResourceAsStream("/e2e-fixtures/fake-fbevents.js")) {
            if (in == null) {
                throw new IllegalStateException("fixture e2e-fixtures/fake-fbevents.js not on the classpath");
            }
            fbevents = in.readAllBytes();
            dir = Files.createTempDirectory("tagwarden-fake-vendor-");
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(selfSignedKeyStore(dir))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The loopback port to tunnel the {@link #HOSTS} to. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests so far for one path, e.g. {@code "/tr"}. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(host, method, path, decode(exchange.getRequestURI().getRawQuery())));
            String bareHost = host == null ? "" : host.replaceFirst(":\\d+$", "");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("GET") && bareHost.equals("connect.facebook.net") && path.equals("/en_US/fbevents.js")) {
                respond(exchange, 200, "application/javascript", fbevents);
            } else if (method.equals("GET") && bareHost.equals("www.facebook.com") && path.equals("/tr")) {
                respond(exchange, 200, "image/gif", GIF);
            } else {
                respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8), java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableMap(query);
    }

    /** Runs the JDK's keytool to make a 2-day self-signed RSA certificate for the {@link #HOSTS}. */
    private static Path selfSignedKeyStore(Path dir) throws IOException {
        Path keyStore = dir.resolve("fake-vendor.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "fake-vendor",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-storetype", "PKCS12",
                "-dname", "CN=fake-vendor", "-ext", "SAN=dns:connect.facebook.net,dns:www.facebook.com",
                "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD),
                "-noprompt")
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for keytool", e);
        }
        return keyStore;
    }

    private static SSLContext sslContext(Path keyStoreFile) throws IOException {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the fake vendor key store", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
