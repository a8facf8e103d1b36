// A vendor conversion API stand-in for bench/forward, run as a single-file program: `java bench/ForwardStub.java <port>`.
// Answers every POST as its current failure mix decides (500, 429 with Retry-After: 1, an answer slower than the
// client's timeout, else 200), and keeps the vendor's dedup view: which event ids were accepted, and how often.
// GET /stats prints {"requests", "accepted", "unique", "duplicates", "prefix"...}; POST /mix?fail=0.1&limit=0.05&slow=0.05
// sets the mix; GET /count?prefix=p counts unique accepted ids starting with p. Not Tagwarden code: a bench tool.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ForwardStub {
    static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");
    static final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    static final AtomicLong requests = new AtomicLong();
    static volatile double fail, limit, slow;

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/stats", ex -> answer(ex, 200, stats()));
        server.createContext("/count", ex -> answer(ex, 200, String.valueOf(count(query(ex, "prefix")))));
        server.createContext("/mix", ex -> {
            fail = number(query(ex, "fail"));
            limit = number(query(ex, "limit"));
            slow = number(query(ex, "slow"));
            answer(ex, 200, "{\"fail\":" + fail + ",\"limit\":" + limit + ",\"slow\":" + slow + "}");
        });
        server.createContext("/", ForwardStub::event);
        server.start();
        System.out.println("stub listening on " + args[0]);
    }

    static void event(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.incrementAndGet();
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < fail) {
            answer(ex, 500, "{\"error\":{\"message\":\"stub: temporarily unavailable\"}}");
        } else if (roll < fail + limit) {
            ex.getResponseHeaders().add("Retry-After", "1");
            answer(ex, 429, "{\"error\":{\"message\":\"stub: too many calls\"}}");
        } else if (roll < fail + limit + slow) {
            try {
                Thread.sleep(15_000); // past any sane client timeout: the client gives up, nothing is accepted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 503, "{\"error\":{\"message\":\"stub: too slow\"}}");
        } else {
            Matcher m = EVENT_ID.matcher(body);
            if (m.find()) {
                accepted.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
            }
            answer(ex, 200, "{\"events_received\":1}");
        }
    }

    static String stats() {
        long total = accepted.values().stream().mapToLong(AtomicInteger::get).sum();
        return "{\"requests\":" + requests.get() + ",\"unique\":" + accepted.size() + ",\"accepted\":" + total
                + ",\"duplicates\":" + (total - accepted.size()) + "}";
    }

    static long count(String prefix) {
        return accepted.keySet().stream().filter(k -> prefix == null || k.startsWith(prefix)).count();
    }

    static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    static double number(String s) {
        return s == null ? 0 : Double.parseDouble(s);
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        } catch (IOException gone) {
            // the client timed out and went away
        } finally {
            ex.close();
        }
    }
}
