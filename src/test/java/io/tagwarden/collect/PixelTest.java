package io.tagwarden.collect;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /p.gif: always the 43-byte GIF, never cached; the open is stored when the query is good, flagged when a machine fetched it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PixelTest {

    static final String GMAIL_PROXY = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
    static final String HUMAN = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko)";

    @Inject
    EmbeddedServer server;

    TestApi admin;
    CollectClient client;

    @BeforeAll
    void setUp() {
        admin = TestApi.admin(server.getURI());
        client = new CollectClient(server.getURI());
    }

    @Test
    void everyAnswerIsTheTransparentGifAndIsNeverCached() {
        String id = admin.createContainer("Pixel");
        for (String query : List.of("?c=" + id + "&campaign=dec", "", "?c=TW-NOSUCH01", "?c=" + id + "&e=%3Cscript%3E", "?c=%00")) {
            HttpResponse<byte[]> gif = client.get("/p.gif" + query, "User-Agent", HUMAN);
            assertThat(gif.statusCode()).as(query).isEqualTo(200);
            assertThat(gif.body()).hasSize(43).startsWith('G', 'I', 'F', '8', '9', 'a');
            assertThat(gif.headers().firstValue("Content-Type")).hasValue("image/gif");
            assertThat(gif.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        }
        List<Map<String, Object>> stored = admin.maps(admin.get("/api/containers/" + id + "/events"));
        assertThat(stored).as("only the good query is stored").hasSize(1);
        assertThat(stored.get(0)).containsEntry("eventName", "email_open").containsEntry("channel", "pixel")
                .containsEntry("machineOpen", false);
        assertThat((String) (stored.get(0)).get("params")).contains("\"campaign\":\"dec\"");
    }

    @Test
    void opensByMailPrivacyProxiesAndImageProxiesAreFlaggedAsMachineOpens() {
        String id = admin.createContainer("Opens");
        client.get("/p.gif?c=" + id + "&eid=open-gmail", "User-Agent", GMAIL_PROXY);
        client.get("/p.gif?c=" + id + "&eid=open-apple", "User-Agent", "Mozilla/5.0");
        client.get("/p.gif?c=" + id + "&eid=open-human&consent=analytics", "User-Agent", HUMAN);
        List<Map<String, Object>> stored = admin.maps(admin.get("/api/containers/" + id + "/events"));
        assertThat(stored).hasSize(3);
        assertThat(stored).anySatisfy(e -> assertThat(e).containsEntry("eventId", "open-gmail").containsEntry("machineOpen", true));
        assertThat(stored).anySatisfy(e -> assertThat(e).containsEntry("eventId", "open-apple").containsEntry("machineOpen", true));
        assertThat(stored).anySatisfy(e -> assertThat(e).containsEntry("eventId", "open-human").containsEntry("machineOpen", false)
                .containsEntry("analyticsGranted", true).containsEntry("ip", "127.0.0.0"));
    }

    @Test
    void machineOpenRulesFollowThePublishedSignatures() {
        assertThat(MachineOpens.isMachine(GMAIL_PROXY, "66.249.84.1")).isTrue();
        assertThat(MachineOpens.isMachine("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", "98.137.0.1")).isTrue();
        assertThat(MachineOpens.isMachine(HUMAN, "17.58.0.10")).as("Apple Mail Privacy Protection relay").isTrue();
        assertThat(MachineOpens.isMachine(HUMAN, "198.51.100.4")).isFalse();
        assertThat(MachineOpens.isMachine(null, "198.51.100.4")).isTrue();
    }
}
