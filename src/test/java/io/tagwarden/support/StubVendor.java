package io.tagwarden.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vendor conversion API on loopback for forwarding tests: answers each request as the test's {@link Behaviour}
 * decides from the request's event id and how many times that id was tried (500s, 429 with Retry-After, answers
 * slower than the client's timeout, 400s, then success), and keeps the vendor's dedup view: how many times each
 * event id was accepted (answered 2xx).
 */
public final class StubVendor implements AutoCloseable {

    /** One answer: status, optional Retry-After, body, and a delay before answering (longer than the timeout = a timeout). */
    public record Answer(int status, String retryAfter, String body, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, null, body, 0);
        }
    }

    /** Decides the answer for the {@code attempt}-th request (1-based) carrying {@code eventId}. */
    public interface Behaviour {
        Answer answer(String eventId, int attempt);
    }

    /** What arrived. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body, long atMillis) {
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"(?:event_id|eventId|conversion_id)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Behaviour behaviour = (id, attempt) -> Answer.ok("{\"events_received\":1}");

    public StubVendor() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void behave(Behaviour next) {
        behaviour = next;
    }

    /** How many requests accepted each event id, by event id. */
    public Map<String, Integer> acceptedByEventId() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        accepted.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    public int attemptsOf(String eventId) {
        AtomicInteger n = attempts.get(eventId);
        return n == null ? 0 : n.get();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void reset() {
        attempts.clear();
        accepted.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body, System.currentTimeMillis()));
        Matcher m = EVENT_ID.matcher(body);
        String eventId = m.find() ? m.group(1) : "";
        int attempt = attempts.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
        Answer answer = behaviour.answer(eventId, attempt);
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                accepted.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: not accepted
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
