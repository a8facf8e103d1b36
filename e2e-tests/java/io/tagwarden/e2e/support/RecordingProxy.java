package io.tagwarden.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy that forwards nothing: it records the host of every request the browser routes through it
 * (plain requests and HTTPS CONNECTs) and answers 502. Chrome started with {@code --proxy-server} pointing
 * here therefore reveals every non-local host a page tries to contact, and contacts none. The one exception
 * is opt-in: {@link #tunnel} sends CONNECTs for chosen hosts to a local fake server (still recorded).
 */
public final class RecordingProxy implements AutoCloseable {

    static final java.util.Set<String> BROWSER_OWN_HOSTS = java.util.Set.of(
            "accounts.google.com", "android.clients.google.com", "clients2.google.com", "update.googleapis.com",
            "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com", "safebrowsing.googleapis.com");

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> tunnels = new ConcurrentHashMap<>();
    private volatile long lastRequestNanos = System.nanoTime();

    public RecordingProxy() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.submit(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Hosts requested so far, in order, with repeats. */
    public List<String> hosts() {
        return new ArrayList<>(hosts);
    }

    /**
     * Hosts requested so far by pages, i.e. without Chromium's own background services (sign-in, updates),
     * which it contacts on its own whatever page is open.
     */
    public List<String> pageHosts() {
        return hosts.stream().filter(h -> !BROWSER_OWN_HOSTS.contains(h)).toList();
    }

    /**
     * From now on, answers {@code CONNECT host:443} for these hosts with 200 and pipes the connection to
     * {@code 127.0.0.1:localPort} (e.g. a {@link FakeVendorServer}); other hosts are still refused.
     */
    public void tunnel(Set<String> tunnelledHosts, int localPort) {
        tunnelledHosts.forEach(host -> tunnels.put(host, localPort));
    }

    public void clear() {
        hosts.clear();
    }

    /**
     * Waits until no request has arrived for {@code quiet} (at most {@code max}), then forgets them: Chromium
     * contacts www.google.com and accounts.google.com on its own right after it starts, and www.google.com is
     * also a vendor host, so that burst must be over before a test counts the hosts a page contacts.
     */
    public void settle(java.time.Duration quiet, java.time.Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() - Math.max(start, lastRequestNanos) < quiet.toNanos() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        clear();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.submit(() -> answer(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readLine(in);
            String[] parts = requestLine.split(" ");
            if (parts.length >= 2) {
                lastRequestNanos = System.nanoTime();
                hosts.add(hostOf(parts[0], parts[1]));
            }
            OutputStream out = client.getOutputStream();
            Integer localPort = parts.length >= 2 && parts[0].equals("CONNECT") && parts[1].endsWith(":443")
                    ? tunnels.get(hostOf(parts[0], parts[1])) : null;
            if (localPort != null) {
                while (!readLine(in).isEmpty()) {
                    // skip the CONNECT's headers: the tunnel starts after the blank line
                }
                pipe(client, localPort);
                return;
            }
            out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the browser gave up on the connection: nothing to record beyond the request line
        }
    }

    /** Connects the client to the local port and copies bytes both ways until either side ends. */
    private void pipe(Socket client, int localPort) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), localPort)) {
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            workers.submit(() -> copyThenClose(upstream, client));
            copyThenClose(client, upstream);
        }
    }

    private static void copyThenClose(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed: end the tunnel below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static String hostOf(String method, String target) {
        if ("CONNECT".equals(method)) {
            int colon = target.lastIndexOf(':');
            return colon > 0 ? target.substring(0, colon) : target;
        }
        String host = URI.create(target).getHost();
        return host == null ? target : host;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }
}
