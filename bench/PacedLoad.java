import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load for bench/run: POST /collect at a fixed offered rate, to measure latency at a given throughput
 * (wrk measures it at saturation, where latency only says how long the queue is). Requests are scheduled at fixed
 * times whatever the answers do; each one's latency is measured from when it was due, not from when it was sent,
 * so a slow answer that delays the next requests counts against every one of them (no coordinated omission).
 *
 *   java bench/PacedLoad.java <host> <port> one|batch <container> <event id prefix> <requests/s> <seconds>
 *        <warm-up seconds> <connections> [<events per batch>]
 *
 * Bodies are those of bench/collect.lua (text/plain, as sendBeacon sends; a new event_id per event,
 * <prefix>.<connection>.<n>; warm-up requests use <prefix>-warm). Prints one line for bench/run:
 *   paced-stats offered_rps=R requests=N ok=N non2xx=N errors=N late=N seconds=S p50_us=.. p90_us=.. p99_us=.. p999_us=.. max_us=..
 * where late counts requests sent more than 1 ms after they were due (the load generator or the server fell behind).
 */
public class PacedLoad {

    private record Connection(Socket socket, InputStream in, OutputStream out) {
        static Connection open(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
        }
    }

    private record Settings(String host, int port, String mode, String container, String prefix, double rate, int seconds,
                            int warmup, int connections, int batch) {
    }

    /** One connection's figures for the measured period. */
    private static final class Tally {
        final List<Long> latenciesMicros = new ArrayList<>();
        long ok;
        long non2xx;
        long errors;
        long late;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: PacedLoad <host> <port> one|batch <container> <prefix> <requests/s> <seconds> <warm-up s> <connections> [<batch>]");
            System.exit(2);
        }
        Settings s = new Settings(args[0], Integer.parseInt(args[1]), args[2], args[3], args[4], Double.parseDouble(args[5]),
                Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
                args.length > 9 ? Integer.parseInt(args[9]) : 20);
        if (!s.mode().equals("one") && !s.mode().equals("batch")) {
            throw new IllegalArgumentException("mode must be one or batch, not " + s.mode());
        }
        long start = System.nanoTime() + 200_000_000L;
        Tally[] tallies = new Tally[s.connections()];
        Thread[] threads = new Thread[s.connections()];
        for (int c = 0; c < s.connections(); c++) {
            int connection = c;
            tallies[c] = new Tally();
            threads[c] = Thread.ofPlatform().name("paced-" + c).start(() -> run(s, connection, start, tallies[connection]));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> all = new ArrayList<>();
        long ok = 0, non2xx = 0, errors = 0, late = 0;
        for (Tally t : tallies) {
            all.addAll(t.latenciesMicros);
            ok += t.ok;
            non2xx += t.non2xx;
            errors += t.errors;
            late += t.late;
        }
        all.sort(null);
        System.out.printf(Locale.ROOT, "paced-stats offered_rps=%.0f requests=%d ok=%d non2xx=%d errors=%d late=%d seconds=%d "
                        + "p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d%n", s.rate(), all.size(), ok, non2xx, errors, late,
                s.seconds(), pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9), all.isEmpty() ? 0 : all.get(all.size() - 1));
    }

    /** Connection {@code c} sends requests c, c + N, c + 2N… of the schedule, request k being due at start + k / rate. */
    private static void run(Settings s, int c, long start, Tally tally) {
        long step = (long) (1e9 / s.rate());
        long warmupEnd = start + s.warmup() * 1_000_000_000L;
        long end = warmupEnd + s.seconds() * 1_000_000_000L;
        Connection connection = null;
        long n = 0;
        for (long due = start + c * step; due < end; due += step * s.connections()) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= warmupEnd;
            if (measured && System.nanoTime() - due > 1_000_000L) {
                tally.late++;
            }
            String prefix = s.prefix() + (measured ? "" : "-warm") + "." + c + ".";
            int status;
            try {
                if (connection == null) {
                    connection = Connection.open(s.host(), s.port());
                }
                StringBuilder body = new StringBuilder();
                if (s.mode().equals("one")) {
                    event(body, s.container(), prefix + (++n));
                } else {
                    body.append('[');
                    for (int i = 0; i < s.batch(); i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        event(body, s.container(), prefix + (++n));
                    }
                    body.append(']');
                }
                status = exchange(connection, s, body.toString().getBytes(StandardCharsets.UTF_8));
                if ((status & CLOSED) != 0) {
                    close(connection);
                    connection = null;
                    status &= ~CLOSED;
                }
            } catch (IOException | RuntimeException e) {
                status = -1;
                close(connection);
                connection = null;
            }
            if (measured) {
                tally.latenciesMicros.add((System.nanoTime() - due) / 1000);
                if (status < 0) {
                    tally.errors++;
                } else if (status >= 200 && status < 300) {
                    tally.ok++;
                } else {
                    tally.non2xx++;
                }
            }
        }
        close(connection);
    }

    private static void event(StringBuilder out, String container, String eventId) {
        out.append("{\"container\":\"").append(container).append("\",\"event\":\"Purchase\",\"event_id\":\"").append(eventId)
                .append("\",\"url\":\"https://shop.example.com/thank-you\",")
                .append("\"consent\":{\"analytics\":\"granted\",\"marketing\":\"granted\",\"source\":\"banner\"},")
                .append("\"params\":{\"value\":42.5,\"currency\":\"EUR\"}}");
    }

    /** Added to the status when the server closes the connection after its answer. */
    private static final int CLOSED = 1 << 16;

    /** Sends one request and reads its answer (Content-Length or none); returns the status (+ CLOSED). */
    private static int exchange(Connection connection, Settings s, byte[] body) throws IOException {
        String head = "POST /collect HTTP/1.1\r\nHost: " + s.host() + ":" + s.port() + "\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        OutputStream out = connection.out();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = connection.in();
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean closing = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked answers are not read here: " + header);
            }
        }
        in.skipNBytes(length);
        return closing ? status | CLOSED : status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int ch;
        while ((ch = in.read()) != '\n') {
            if (ch < 0) {
                throw new IOException("connection closed");
            }
            if (ch != '\r') {
                b.append((char) ch);
            }
        }
        return b.toString();
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
