package io.tagwarden.forward;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Forwarding page as an editor and a reviewer use it: credentials saved (and never shown again), a field
 * error next to its field, the test event's answer, dead letters retried from the page; reviewers read only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingPagesTest implements TestPropertyProvider {

    final StubVendor stub = new StubVendor();

    @Inject
    EmbeddedServer server;

    TestApi admin;

    @Override
    public Map<String, String> getProperties() {
        return ForwardingFixture.properties(stub);
    }

    @BeforeAll
    void users() {
        admin = TestApi.admin(server.getURI());
        admin.createUser("fiona", "editor");
        admin.createUser("ravi", "reviewer");
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @Test
    void anEditorSetsCredentialsSendsATestEventAndRetriesADeadLetter() {
        String id = admin.createContainer("Forwarding page");
        admin.createTag(id, """
                {"name": "Meta purchase", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "custom_event", "event": "purchase"}, "delivery": "server"}""");
        admin.publish(id, "server tag");
        BrowserlessSession editor = signedIn("fiona");
        String page = "/containers/" + id + "/forwarding";
        assertThat(editor.get(page).body()).contains("Meta Pixel").contains("no credentials").contains("Conversions API access token");

        HttpResponse<String> missing = editor.post(page + "/meta/credentials", form(editor, page, Map.of("credential.testEventCode", "TEST1")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Conversions API access token is required");

        String token = "EAAB-page-secret-token-9876";
        HttpResponse<String> saved = editor.post(page + "/meta/credentials", form(editor, page, Map.of("credential.accessToken", token)));
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String shown = editor.get(location.substring(0, location.indexOf('#'))).body();
        assertThat(shown).contains("Credentials saved").contains("credentials set").contains("••••9876").doesNotContain(token);

        HttpResponse<String> test = editor.post(page + "/meta/test", form(editor, page, Map.of()));
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).contains("Test event answer").contains("delivered").contains("events_received");

        stub.behave((eventId, attempt) -> new StubVendor.Answer(400, null, "{\"error\":{\"message\":\"Bad <b>pixel</b>\"}}", 0));
        assertThat(ForwardingFixture.beacon(server.getURI(), ForwardingFixture.purchase(id, "page-dead-1", ForwardingFixture.ALL))).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(10), "dead-lettered", () -> editor.get(page).body().contains("page-dead") || !ForwardingFixture.jobs(admin, id, "dead").isEmpty());
        String withDead = editor.get(page).body();
        assertThat(withDead).contains("Dead letters").contains("HTTP 400").contains("Bad &lt;b&gt;pixel&lt;/b&gt;").doesNotContain("<b>pixel</b>");

        stub.behave((eventId, attempt) -> StubVendor.Answer.ok("{\"events_received\":1}"));
        String job = (String) ForwardingFixture.jobs(admin, id, "dead").get(0).get("id");
        assertThat(editor.post(page + "/jobs/" + job + "/retry", form(editor, page, Map.of())).statusCode()).isEqualTo(303);
        Eventually.within(Duration.ofSeconds(10), "delivered after retry", () -> stub.acceptedByEventId().containsKey("page-dead-1"));
        assertThat(editor.get(page).body()).contains("No dead letters.");

        // The chart per vendor: Meta's delivered job counts, TikTok has none.
        Eventually.within(Duration.ofSeconds(5), "marked delivered", () -> ForwardingFixture.jobs(admin, id, "delivered").size() == 1);
        assertThat(admin.maps(admin.get("/api/containers/" + id + "/forwarding/daily?days=1&vendor=meta")))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("delivered", 1));
        assertThat(admin.maps(admin.get("/api/containers/" + id + "/forwarding/daily?days=1&vendor=tiktok")))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("delivered", 0));
        assertThat(editor.get(page + "?chart=meta").body()).containsPattern("<option value=\"meta\" selected=\"selected\">");
    }

    @Test
    void aReviewerSeesTheForwardingPageButCannotChangeAnything() {
        String id = ForwardingFixture.serverContainer(admin, "server");
        BrowserlessSession reviewer = signedIn("ravi");
        String page = "/containers/" + id + "/forwarding";
        String body = reviewer.get(page).body();
        assertThat(body).contains("credentials set").doesNotContain("Send test event").doesNotContain("Save credentials");
        String csrf = BrowserlessSession.csrfTokenOf(body);
        Map<String, String> f = new HashMap<>(Map.of("csrfToken", csrf, "credential.accessToken", "reviewer-token"));
        assertThat(reviewer.post(page + "/meta/credentials", f).statusCode()).isEqualTo(403);
        assertThat(reviewer.post(page + "/meta/test", Map.of("csrfToken", csrf)).statusCode()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/containers/" + id + "/forwarding").statusCode()).isEqualTo(401);
    }

    private BrowserlessSession signedIn(String username) {
        BrowserlessSession session = new BrowserlessSession(server.getURI());
        assertThat(session.signIn(username, "password-of-" + username).statusCode()).isEqualTo(303);
        return session;
    }

    private static Map<String, String> form(BrowserlessSession session, String page, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", BrowserlessSession.csrfTokenOf(session.get(page).body()));
        return form;
    }
}
