package io.tagwarden.collect;

import io.tagwarden.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 2xx means committed": Tagwarden runs as a separate JVM on an H2 file, eight clients send events as fast as they
 * can, the JVM is killed (SIGKILL, no shutdown hook) in the middle, restarted on the same files (and serves them), then
 * stopped; every event that had been answered 2xx must be in the database file.
 */
class CrashDurabilityTest {

    static final String PASSWORD = "crash-test-admin-password";

    @TempDir
    Path dataDir;

    Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyEventAnswered2xxSurvivesAKillDuringIngest() throws Exception {
        int port = freePort();
        URI base = URI.create("http://localhost:" + port);
        app = start(port);
        TestApi admin = TestApi.admin(base, PASSWORD);
        String container = admin.createContainer("Crash");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; sending.get(); i++) {
                    String id = "c" + client + "-" + i;
                    String body = "[{\"container\": \"" + container + "\", \"event\": \"Purchase\", \"event_id\": \"" + id + "\"},"
                            + " {\"container\": \"" + container + "\", \"event\": \"Purchase\", \"event_id\": \"" + id + "-b\"}]";
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/collect")).timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 204) {
                            acknowledged.add(id);
                            acknowledged.add(id + "-b");
                        }
                    } catch (IOException e) {
                        return; // the server is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        waitUntil(() -> acknowledged.size() > 2_000, Duration.ofSeconds(30));
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        app = start(port);
        TestApi again = TestApi.admin(base, PASSWORD);
        assertThat(again.list(again.get("/api/containers/" + container + "/events?limit=10"))).as("the restarted server serves the events").hasSize(10);
        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> stored = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("tagwarden") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             PreparedStatement query = db.prepareStatement("select event_id from collected_event where container_id = ?")) {
            query.setString(1, container);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        System.out.printf("Crash test: %,d events acknowledged before the kill, %,d stored after the restart%n", acknowledged.size(), stored.size());
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertThat(lost).as("events answered 2xx but missing after the crash").isEmpty();
    }

    private Process start(int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", childClasspath(), "io.tagwarden.Application"));
        Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", Integer.toString(port), "TAGWARDEN_DATA_DIR", dataDir.toString(),
                "TAGWARDEN_ADMIN_INITIAL_PASSWORD", PASSWORD, "TAGWARDEN_COLLECT_REQUESTS_PER_SECOND", "1000000",
                "TAGWARDEN_COLLECT_BURST", "1000000"));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            waitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            }, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError("Tagwarden did not start; its output:\n" + java.nio.file.Files.readString(log), e);
        }
        return process;
    }

    /** This JVM's classpath without the working directory (it would put snippets/ on the classpath twice). */
    private static String childClasspath() {
        Path cwd = Path.of("").toAbsolutePath();
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().equals(cwd))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
