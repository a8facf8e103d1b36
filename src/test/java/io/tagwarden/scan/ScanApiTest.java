package io.tagwarden.scan;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scan API: addresses refused with 400 naming the problem, the concurrency limit (429), roles, a scan of a version's
 * built-in test page in Chromium stored with its version, listed, exported and shown next to the matrix, in the audit trail.
 */
@MicronautTest
@Property(name = "tagwarden.scan.allowed-addresses", value = "127.0.0.1")
@Property(name = "tagwarden.scan.settle", value = "400ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ConsentScanner scanner;
    @Inject
    StateRecorder recorder;
    @Inject
    AddressPolicy policy;

    TestApi admin;
    TestApi reviewer;
    String id;
    String scans;

    @BeforeAll
    void publish() {
        admin = TestApi.admin(server.getURI());
        reviewer = admin.createUser("rita", "reviewer");
        id = admin.createContainer("Scanned");
        admin.createTag(id, """
                {"name": "Meta page view", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "PageView",
                 "trigger": {"on": "page_load"}}""");
        admin.publish(id, "one");
        scans = "/api/containers/" + id + "/versions/1/scans";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "file:///etc/passwd | Only http:// and https:// addresses can be scanned",
            "http://10.0.0.1/ | resolves to 10.0.0.1, a private address",
            "http://169.254.169.254/latest/meta-data/ | a link-local address",
            "http://[::1]:8080/ | a loopback address",
            "https://admin:secret@127.0.0.1/ | must not contain a user name or password",
    })
    void refusedAddressesAnswer400NamingTheProblemAndStoreNothing(String url, String problem) {
        HttpResponse<byte[]> r = admin.send("POST", scans, "{\"url\": \"" + url + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        Map<String, Object> error = admin.map(r);
        assertThat((String) error.get("message")).contains(problem);
        assertThat(error.get("errors").toString()).contains("field=url");
        assertThat(admin.list(admin.get(scans))).noneMatch(s -> s.toString().contains(url));
    }

    @Test
    void aScanBeyondTheConcurrencyLimitAnswers429() throws Exception {
        int startedBefore = admin.maps(admin.get("/api/audit?kind=scan.started&container=" + id)).size();
        scanner.slots().acquire();
        try {
            HttpResponse<byte[]> r = admin.send("POST", scans, "{}");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat((String) admin.map(r).get("message")).contains("already running");
            assertThat(admin.maps(admin.get("/api/audit?kind=scan.started&container=" + id))).as("a refused scan is not recorded as started")
                    .hasSize(startedBefore);
        } finally {
            scanner.slots().release();
        }
    }

    @Test
    void theAdminPageShowsARefusedAddressWithItsReasonAndKeepsWhatWasTyped() {
        admin.createUser("eve", "editor");
        BrowserlessSession editor = new BrowserlessSession(server.getURI());
        editor.signIn("eve", "password-of-eve");
        String page = editor.get("/containers/" + id + "/versions/1/scans").body();
        assertThat(page).contains("id=\"scan-form\"");
        var refused = editor.post("/containers/" + id + "/versions/1/scans",
                Map.of("url", "http://169.254.169.254/latest/meta-data/", "csrfToken", BrowserlessSession.csrfTokenOf(page)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("a link-local address").contains("value=\"http://169.254.169.254/latest/meta-data/\"");
    }

    @Test
    void reviewersReadScansButCannotStartOne() {
        assertThat(reviewer.send("POST", scans, "{}").statusCode()).isEqualTo(403);
        assertThat(reviewer.get(scans).statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommandLineExitsNonZeroWhenAStateFailedOrTheScanCouldNotRun() {
        Map<String, Object> failed = Map.of("id", 9, "report", Map.of("version", 1, "passed", false, "states", List.of(
                Map.of("label", "No choice yet", "passed", false, "notes", List.of(), "cookies", List.of(),
                        "hosts", List.of(Map.of("name", "www.facebook.com", "allowed", false, "why", "declared by “Meta” (marketing), not granted"))))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(ScanCli.report(failed, new PrintStream(printed, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  No choice yet").contains("not allowed: host www.facebook.com");

        printed.reset();
        int refused = ScanCli.run(List.of("--server", server.getURI().toString(), "--container", id, "--url", "file:///etc/passwd"),
                Map.of("TAGWARDEN_TOKEN", admin.token()), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("did not run (400)").contains("Only http://");
        assertThat(ScanCli.run(List.of("--server"), Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void aPageThatNeverFinishesLoadingAndThrowsIsRecordedUntilTheTimeLimit() throws Exception {
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hanging.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        hanging.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/never")) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] page = "<!DOCTYPE html><script>throw new Error('boom')</script><img src=\"/never\"><p>half a page"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        hanging.start();
        try {
            long start = System.nanoTime();
            Observation seen = recorder.record("http://127.0.0.1:" + hanging.getAddress().getPort() + "/", ScanState.no_choice,
                    url -> true, Instant.now().plusSeconds(6));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(seen.complete()).isTrue();
            assertThat(seen.notes()).anyMatch(n -> n.contains("did not finish loading"));
            assertThat(seen.requests()).extracting(Observation.Request::url).anyMatch(u -> u.endsWith("/never"));
        } finally {
            hanging.stop(0);
        }
    }

    @Test
    void aRedirectToThePrivateNetworkIsBlockedAndReported() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.start();
        try {
            Observation seen = recorder.record("http://127.0.0.1:" + site.getAddress().getPort() + "/", ScanState.no_choice,
                    policy::allowsRequest, Instant.now().plusSeconds(8));
            assertThat(seen.requests()).anySatisfy(r -> {
                assertThat(r.host()).isEqualTo("169.254.169.254");
                assertThat(r.refused()).isTrue();
            });
        } finally {
            site.stop(0);
        }
    }

    @Test
    void inTheGpcStateThePageSeesGlobalPrivacyControlAndEveryRequestCarriesSecGpc() throws Exception {
        List<String> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            headers.add(exchange.getRequestURI() + " Sec-GPC=" + exchange.getRequestHeaders().getFirst("Sec-GPC"));
            byte[] page = "<!DOCTYPE html><script>new Image().src = '/seen?gpc=' + navigator.globalPrivacyControl;</script>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try {
            Observation seen = recorder.record("http://127.0.0.1:" + site.getAddress().getPort() + "/", ScanState.gpc, url -> true,
                    Instant.now().plusSeconds(8));
            assertThat(seen.requests()).extracting(Observation.Request::url).anyMatch(u -> u.endsWith("/seen?gpc=true"));
            assertThat(headers).contains("/ Sec-GPC=1", "/seen?gpc=true Sec-GPC=1");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void withoutChromiumTheScanSaysSo() {
        ChromiumRecorder recorder = new ChromiumRecorder(new ScanConfiguration("/nonexistent/chromium", "/nonexistent/chromedriver",
                Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(10), 1, List.of(), List.of()));
        assertThatThrownBy(() -> recorder.record("https://shop.example/", ScanState.no_choice, u -> true, Instant.now().plusSeconds(5)))
                .isInstanceOf(BrowserUnavailableException.class).hasMessageContaining("Chromium is not installed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBuiltInTestPageOfAVersionPassesAndTheReportIsStoredExportedShownAndAudited() {
        // Started as a site's CI would: ./tagwarden scan, with the token in the environment.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ScanCli.run(List.of("--server", server.getURI().toString(), "--container", id), Map.of("TAGWARDEN_TOKEN", admin.token()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("against version 1").contains("PASS  No choice yet").contains("PASS  GPC on, accept all").contains(": passed");
        long scanId = ((Number) admin.maps(admin.get(scans)).get(0).get("id")).longValue();
        Map<String, Object> started = admin.map(admin.get(scans + "/" + scanId));
        Map<String, Object> report = (Map<String, Object>) started.get("report");
        List<Map<String, Object>> states = (List<Map<String, Object>>) report.get("states");
        assertThat(states).extracting(s -> s.get("state")).containsExactly("no_choice", "reject_all", "accept_all", "gpc");
        assertThat(report.get("passed")).as(report.toString()).isEqualTo(true);
        assertThat((String) report.get("url")).endsWith("/scan-page/" + id + "/1");
        assertThat(states.get(0).get("hosts").toString()).doesNotContain("facebook");
        assertThat(states.get(2).get("hosts").toString()).as("Meta loads after accept all").contains("connect.facebook.net");
        assertThat(states.get(3).get("hosts").toString()).as("GPC blocks marketing").doesNotContain("facebook");

        assertThat(reviewer.maps(reviewer.get(scans))).extracting(s -> s.get("id")).contains((int) scanId);
        assertThat(reviewer.map(reviewer.get(scans + "/" + scanId)).get("report").toString()).contains("connect.facebook.net");
        String csv = new String(reviewer.get(scans + "/" + scanId + "?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("scan,container,version,url,state").contains("\"accept_all\",\"true\",\"host\",\"connect.facebook.net\"");
        assertThat(admin.get("/api/audit?kind=scan.started&container=" + id).body()).asString(StandardCharsets.UTF_8).contains("consent scan of version 1");

        BrowserlessSession page = new BrowserlessSession(server.getURI());
        page.signIn("rita", "password-of-rita");
        String html = page.get("/containers/" + id + "/versions/1/scans").body();
        assertThat(html).contains("scan-grid").contains("connect.facebook.net").contains("“Meta page view” (marketing)")
                .contains("GPC on, accept all").doesNotContain("id=\"scan-form\"");
        assertThat(page.get("/containers/" + id + "/versions/1/matrix").body()).contains("Consent scans");
    }
}
