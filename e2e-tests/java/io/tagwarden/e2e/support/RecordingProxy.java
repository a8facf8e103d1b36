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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy that forwards nothing: it records the host of every request the browser routes through it
 * (plain requests and HTTPS CONNECTs) and answers 502. Chrome started with {@code --proxy-server} pointing
 * here therefore reveals every non-local host a page tries to contact, and contacts none.
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

    public void clear() {
        hosts.clear();
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
            String requestLine = readLine(client.getInputStream());
            String[] parts = requestLine.split(" ");
            if (parts.length >= 2) {
                hosts.add(hostOf(parts[0], parts[1]));
            }
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the browser gave up on the connection: nothing to record beyond the request line
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
