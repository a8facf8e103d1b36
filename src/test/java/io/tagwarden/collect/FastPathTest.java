package io.tagwarden.collect;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pixel and POST /collect answered ahead of Micronaut's router ({@link FastPath}): the same answers and headers,
 * events stored before the answer, answers in request order when a client pipelines our requests and Micronaut's on
 * one connection, an oversized body refused without losing the connection, and what the fast path leaves to
 * Micronaut (a chunked body) answered there by the same rules.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastPathTest {

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    @Inject
    EmbeddedServer server;

    @Inject
    FastPath fastPath;

    TestApi admin;
    String host;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
        host = "Host: 127.0.0.1:" + server.getPort() + "\r\n";
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndEveryEventIsStoredBeforeItsAnswer() throws Exception {
        String id = admin.createContainer("Fast path");
        long before = fastPath.answered();
        String requests = "GET /p.gif?c=" + id + "&eid=fast-1 HTTP/1.1\r\n" + host + "User-Agent: Mozilla/5.0 (Macintosh)\r\n\r\n"
                + "GET /c/TW-NOSUCH01.js HTTP/1.1\r\n" + host + "\r\n"
                + post("/collect", "text/plain;charset=UTF-8", event(id, "fast-2"), "Origin: https://shop.example.com\r\n")
                + "GET /p.gif?c=" + id + "&eid=fast-3&campaign=dec HTTP/1.1\r\n" + host + "User-Agent: Mozilla/5.0 (Macintosh)\r\n"
                + "Connection: close\r\n\r\n";
        String answers = exchange(requests);

        assertThat(statuses(answers)).containsExactly("200", "404", "204", "200");
        assertThat(answers.split("image/gif", -1)).hasSize(3);
        // The first pixel is always ours; what follows the 404 is ours or Micronaut's depending on whether Micronaut had
        // written its answer when it arrived (either way by the same rules, in order).
        assertThat(fastPath.answered() - before).isBetween(1L, 3L);
        assertThat(answer(answers, 0).toLowerCase()).contains("content-length: 43").contains("cache-control: no-store")
                .contains("content-security-policy: default-src 'self'").contains("x-content-type-options: nosniff");

        // Each answer came after its commit, so the events are there now.
        List<Map<String, Object>> events = admin.maps(admin.get("/api/containers/" + id + "/events"));
        assertThat(events).extracting(e -> e.get("eventId")).containsExactlyInAnyOrder("fast-1", "fast-2", "fast-3");
        assertThat(events).filteredOn(e -> !"fast-2".equals(e.get("eventId")))
                .allSatisfy(e -> assertThat(e).containsEntry("channel", "pixel").containsEntry("eventName", "email_open"));
        assertThat(events.stream().filter(e -> "fast-3".equals(e.get("eventId"))).findFirst().orElseThrow().get("params").toString())
                .contains("campaign");
    }

    @Test
    void aBeaconIsAnsweredHereWithTheControllersHeadersAndCookie() throws Exception {
        String id = admin.createContainer("Fast path beacon");
        long before = fastPath.answered();
        String answers = exchange(post("/collect", "text/plain;charset=UTF-8", event(id, "beacon-1"),
                "Origin: https://shop.example.com\r\nConnection: close\r\n"));

        assertThat(statuses(answers)).containsExactly("204");
        assertThat(fastPath.answered() - before).isEqualTo(1);
        String beacon = answers.toLowerCase();
        assertThat(beacon).contains("access-control-allow-origin: https://shop.example.com").contains("set-cookie: tw_vid=")
                .contains("httponly").contains("samesite=lax");
        // The same security headers as Micronaut's answers (SecurityHeadersFilter).
        assertThat(beacon).contains("content-security-policy: default-src 'self'").contains("x-content-type-options: nosniff")
                .contains("referrer-policy: strict-origin-when-cross-origin").contains("date: ");
        assertThat(admin.maps(admin.get("/api/containers/" + id + "/events"))).extracting(e -> e.get("eventId")).containsExactly("beacon-1");
    }

    @Test
    void anOversizedBodyIsRefusedWithA413AndTheConnectionGoesOn() throws Exception {
        String id = admin.createContainer("Fast path limits");
        String huge = event(id, "too-big").replace("https://shop.example.com/", "https://shop.example.com/" + "a".repeat(70_000));
        String requests = post("/collect", "application/json", huge, "")
                + post("/collect", "application/json", "{\"event\": ", "")
                + post("/collect", "application/json", event(id, "after-413"), "Connection: close\r\n");
        String answers = exchange(requests);

        assertThat(statuses(answers)).containsExactly("413", "400", "204");
        assertThat(answer(answers, 0)).contains("at most 65536");
        assertThat(answers).contains("\"status\":413").contains("not valid JSON");
        assertThat(admin.maps(admin.get("/api/containers/" + id + "/events"))).extracting(e -> e.get("eventId")).containsExactly("after-413");
    }

    @Test
    void aChunkedBodyIsLeftToMicronautAndStoredByTheSameRules() throws Exception {
        String id = admin.createContainer("Fast path chunked");
        long before = fastPath.answered();
        byte[] body = event(id, "chunked").getBytes(StandardCharsets.UTF_8);
        String requests = "POST /collect HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.UTF_8)
                + "\r\n0\r\n\r\n";
        String answers = exchange(requests);

        assertThat(statuses(answers)).containsExactly("204");
        assertThat(fastPath.answered()).isEqualTo(before);
        assertThat(admin.maps(admin.get("/api/containers/" + id + "/events"))).extracting(e -> e.get("eventId")).containsExactly("chunked");
    }

    private static String event(String container, String eventId) {
        return "{\"container\": \"" + container + "\", \"event\": \"Purchase\", \"event_id\": \"" + eventId + "\", "
                + "\"url\": \"https://shop.example.com/thank-you\", "
                + "\"consent\": {\"analytics\": \"granted\", \"marketing\": \"granted\", \"source\": \"banner\"}}";
    }

    private String post(String path, String contentType, String body, String moreHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: " + contentType + "\r\nContent-Length: " + bytes.length + "\r\n"
                + moreHeaders + "\r\n" + body;
    }

    /** Sends everything at once on one connection (the last request closes it) and reads every answer. */
    private String exchange(String requests) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> statuses(String answers) {
        Matcher m = STATUS.matcher(answers);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The n-th answer's status line, headers and body. */
    private static String answer(String answers, int n) {
        Matcher m = STATUS.matcher(answers);
        int start = -1;
        for (int i = 0; i <= n && m.find(); i++) {
            start = m.start();
        }
        int end = m.find() ? m.start() : answers.length();
        return answers.substring(start, end);
    }
}
