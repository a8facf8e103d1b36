package io.tagwarden.scan;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent scan from a command line, for a site's CI: asks a Tagwarden server to scan a page against a version's
 * gating matrix, prints each state and everything not allowed, and exits 0 when every state passed, 1 when one failed,
 * 2 when the scan could not run (bad arguments, refused address, server busy or without Chromium).
 * <pre>
 * TAGWARDEN_TOKEN=tw_… ./tagwarden scan --server https://tags.example.com --container TW-7K3PQ2AB [--version 3] [--url https://shop.example/]
 * </pre>
 * Without {@code --version} the latest published version is scanned; without {@code --url}, its built-in test page.
 */
public final class ScanCli {

    private static final String USAGE = "usage: TAGWARDEN_TOKEN=<API token> ./tagwarden scan --server <Tagwarden URL> --container <TW-…>"
            + " [--version <n>] [--url <page to scan>]";

    private ScanCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size() || !List.of("--server", "--container", "--version", "--url", "--token").contains(name)) {
                out.println(USAGE);
                return 2;
            }
            options.put(name.substring(2), args.get(++i));
        }
        String token = options.getOrDefault("token", env.get("TAGWARDEN_TOKEN"));
        if (!options.containsKey("server") || !options.containsKey("container") || token == null || token.isBlank()) {
            out.println(USAGE);
            return 2;
        }
        try {
            Api api = new Api(URI.create(options.get("server").replaceFirst("/*$", "/")), token);
            String container = URLEncoder.encode(options.get("container"), StandardCharsets.UTF_8);
            String version = options.containsKey("version") ? options.get("version") : api.latestVersion(container);
            String body = options.containsKey("url") ? "{\"url\": " + api.json.writeValueAsString(options.get("url")) + "}" : "{}";
            out.println("Scanning " + (options.containsKey("url") ? options.get("url") : "the built-in test page") + " against version "
                    + version + " of " + options.get("container") + " (up to a few minutes)…");
            HttpResponse<String> r = api.send("POST", "api/containers/" + container + "/versions/" + version + "/scans", body);
            Map<String, Object> answer = api.map(r.body());
            if (r.statusCode() != 201) {
                Object errors = answer.get("errors");
                Object why = errors instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> e ? e.get("message")
                        : answer.getOrDefault("message", r.body());
                out.println("The scan did not run (" + r.statusCode() + "): " + why);
                return 2;
            }
            return report(answer, out);
        } catch (IOException | IllegalArgumentException e) {
            out.println("The scan did not run: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** Prints the report; 0 when it passed, 1 otherwise. */
    @SuppressWarnings("unchecked")
    static int report(Map<String, Object> stored, PrintStream out) {
        Map<String, Object> report = (Map<String, Object>) stored.get("report");
        for (Map<String, Object> state : (List<Map<String, Object>>) report.get("states")) {
            out.println((Boolean.TRUE.equals(state.get("passed")) ? "PASS  " : "FAIL  ") + state.get("label"));
            for (String kind : List.of("hosts", "cookies")) {
                for (Map<String, Object> f : (List<Map<String, Object>>) state.get(kind)) {
                    if (!Boolean.TRUE.equals(f.get("allowed"))) {
                        out.println("      not allowed: " + kind.substring(0, kind.length() - 1) + " " + f.get("name") + " (" + f.get("why") + ")");
                    }
                }
            }
            for (Object note : (List<Object>) state.get("notes")) {
                out.println("      note: " + note);
            }
        }
        boolean passed = Boolean.TRUE.equals(report.get("passed"));
        out.println("Scan " + stored.get("id") + (passed ? ": passed" : ": FAILED") + " (report: …/versions/" + report.get("version")
                + "/scans?scan=" + stored.get("id") + " in the admin app)");
        return passed ? 0 : 1;
    }

    private static final class Api {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        final ObjectMapper json = ObjectMapper.getDefault();
        final URI base;
        final String token;

        Api(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String latestVersion(String container) throws IOException, InterruptedException {
            HttpResponse<String> r = send("GET", "api/containers/" + container + "/versions", null);
            if (r.statusCode() != 200) {
                throw new IOException("listing versions answered " + r.statusCode() + ": " + r.body());
            }
            List<Object> versions = json.readValue(r.body(), Argument.listOf(Object.class));
            return versions.stream().map(v -> ((Map<?, ?>) v).get("number")).map(n -> ((Number) n).intValue()).max(Integer::compare)
                    .map(String::valueOf).orElseThrow(() -> new IOException("the container has no published version"));
        }

        Map<String, Object> map(String body) throws IOException {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                return Map.of("message", body);
            }
        }
    }
}
