package io.tagwarden.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from Debian's server binaries, started once per test JVM in a temporary
 * directory on a free port and stopped at exit. As root, the server runs as the {@code postgres} user.
 */
public final class PostgresServer {

    private static final Object LOCK = new Object();
    private static PostgresServer shared;

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path binaries, Path dataDir, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The shared server for this test JVM, started on first use. */
    public static PostgresServer shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            }
            return shared;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/tagwarden";
    }

    /** Micronaut properties pointing the default datasource at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver");
    }

    private static PostgresServer start() {
        Path bin = findBinaries();
        try {
            Path dir = Files.createTempDirectory("tagwarden-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            PostgresServer server = new PostgresServer(bin, dir.resolve("data"), freePort(), root);
            if (root) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            server.pg("initdb", "-D", server.dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
            server.pg("pg_ctl", "-D", server.dataDir.toString(), "-l", server.dataDir.resolve("server.log").toString(),
                    "-o", "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
            server.pg("createdb", "-h", "127.0.0.1", "-p", Integer.toString(server.port), "-U", "postgres", "tagwarden");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            pg("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "stop");
        } catch (RuntimeException ignored) {
            // the JVM is exiting; nothing more to do
        }
        try (Stream<Path> files = Files.walk(dataDir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is in the system's temporary folder
        }
    }

    private void pg(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                    + "install Debian's postgresql package (.ci/run does)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
