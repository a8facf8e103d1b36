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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pixel answered ahead of Micronaut's router (PixelFastPath): the same GIF and headers, the event stored before
 * the answer, and answers in request order when a client pipelines a pixel, another request and a pixel on one
 * connection.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PixelFastPathTest {

    @Inject
    EmbeddedServer server;

    TestApi admin;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndEveryPixelIsStoredBeforeItsAnswer() throws Exception {
        String id = admin.createContainer("Fast pixel");
        String host = "Host: 127.0.0.1:" + server.getPort() + "\r\n";
        String requests = "GET /p.gif?c=" + id + "&eid=fast-1 HTTP/1.1\r\n" + host + "User-Agent: Mozilla/5.0 (Macintosh)\r\n\r\n"
                + "GET /c/TW-NOSUCH01.js HTTP/1.1\r\n" + host + "\r\n"
                + "GET /p.gif?c=" + id + "&eid=fast-2&campaign=dec HTTP/1.1\r\n" + host + "User-Agent: Mozilla/5.0 (Macintosh)\r\n"
                + "Connection: close\r\n\r\n";
        String answers;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            answers = all.toString(StandardCharsets.ISO_8859_1);
        }
        int first = answers.indexOf("HTTP/1.1 200");
        int notFound = answers.indexOf("HTTP/1.1 404");
        int last = answers.lastIndexOf("HTTP/1.1 200");
        assertThat(first).isGreaterThanOrEqualTo(0);
        assertThat(notFound).isGreaterThan(first);
        assertThat(last).isGreaterThan(notFound);
        assertThat(answers.split("image/gif", -1)).hasSize(3);
        assertThat(answers.toLowerCase()).contains("cache-control: no-store");
        // Answered ahead of Micronaut's filters (they add Referrer-Policy to every answer they make, as to the 404 here).
        String pixelAnswer = answers.substring(first, answers.indexOf("\r\n\r\n", first)).toLowerCase();
        assertThat(pixelAnswer).contains("content-length: 43").doesNotContain("referrer-policy");
        assertThat(answers.substring(notFound, last).toLowerCase()).contains("referrer-policy");

        // Each answer came after its commit, so the events are there now.
        List<Map<String, Object>> events = admin.maps(admin.get("/api/containers/" + id + "/events"));
        assertThat(events).extracting(e -> e.get("eventId")).containsExactlyInAnyOrder("fast-1", "fast-2");
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("channel", "pixel").containsEntry("eventName", "email_open"));
        assertThat(events.stream().filter(e -> "fast-2".equals(e.get("eventId"))).findFirst().orElseThrow().get("params").toString())
                .contains("campaign");
    }
}
