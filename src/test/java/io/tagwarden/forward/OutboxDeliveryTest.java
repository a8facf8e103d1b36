package io.tagwarden.forward;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.StubVendor;
import io.tagwarden.support.StubVendor.Answer;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.tagwarden.forward.ForwardingFixture.ALL;
import static io.tagwarden.forward.ForwardingFixture.TOKEN;
import static io.tagwarden.forward.ForwardingFixture.beacon;
import static io.tagwarden.forward.ForwardingFixture.jobs;
import static io.tagwarden.forward.ForwardingFixture.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end against a stub Meta Conversions API: events collected with consent are delivered exactly once
 * through 500s, 429 with Retry-After and timeouts; consent and GPC decide what is forwarded at all; rejections are
 * dead-lettered with the vendor's error and can be retried or discarded; credentials are sealed and never shown.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxDeliveryTest implements TestPropertyProvider {

    static final String ANALYTICS_ONLY = "{\"analytics\": \"granted\", \"marketing\": \"denied\", \"source\": \"banner\"}";

    final StubVendor stub = new StubVendor();

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    TestApi admin;

    @Override
    public Map<String, String> getProperties() {
        return ForwardingFixture.properties(stub);
    }

    @BeforeAll
    void signIn() {
        admin = TestApi.admin(server.getURI());
    }

    @BeforeEach
    void resetStub() {
        stub.reset();
        stub.behave((id, attempt) -> Answer.ok("{\"events_received\":1,\"fbtrace_id\":\"stub\"}"));
    }

    @AfterAll
    void stopStub() {
        stub.close();
    }

    @Test
    void eachEventIsDeliveredExactlyOnceThroughServerErrorsRateLimitsAndTimeouts() {
        String container = ForwardingFixture.serverContainer(admin, "server");
        stub.behave((id, attempt) -> switch (attempt) {
            case 1 -> new Answer(500, null, "{\"error\":{\"message\":\"Service temporarily unavailable\"}}", 0);
            case 2 -> new Answer(429, "1", "{\"error\":{\"message\":\"Too many calls\"}}", 0);
            case 3 -> new Answer(503, null, "too late", 1_500); // answered after the 700 ms timeout
            default -> Answer.ok("{\"events_received\":1}");
        });
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> "flaky-" + i).toList();
        ids.forEach(id -> assertThat(beacon(server.getURI(), purchase(container, id, ALL))).isEqualTo(204));

        Eventually.within(Duration.ofSeconds(40), "all 12 events accepted by the vendor",
                () -> stub.acceptedByEventId().keySet().containsAll(ids));
        Eventually.within(Duration.ofSeconds(5), "all jobs marked delivered", () -> jobs(admin, container, "delivered").size() == 12);
        assertThat(stub.acceptedByEventId()).hasSize(12).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        ids.forEach(id -> assertThat(stub.attemptsOf(id)).as(id).isEqualTo(4));
        // Retry-After: 1 was honoured: the try after the 429 came at least a second later.
        List<StubVendor.Received> first = stub.received().stream().filter(r -> r.body().contains("\"flaky-0\"")).toList();
        assertThat(first.get(2).atMillis() - first.get(1).atMillis()).isGreaterThanOrEqualTo(950);

        StubVendor.Received request = first.get(3);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v21.0/123456789012345/events");
        assertThat(request.query()).isEqualTo("access_token=" + TOKEN);
        assertThat(request.body()).contains("\"event_name\":\"Purchase\"").contains("\"action_source\":\"website\"")
                .contains("\"fbc\":\"fb.1.").contains("IwAR1").contains("\"em\"")
                .doesNotContain("jane.doe").doesNotContain(TOKEN);
        assertThat(jobs(admin, container, "dead")).isEmpty();
    }

    @Test
    void onlyEventsWhoseConsentAllowsTheTagAreForwardedAndGpcForwardsNothing() {
        String container = ForwardingFixture.serverContainer(admin, "browser_and_server");
        assertThat(beacon(server.getURI(), purchase(container, "c-analytics-only", ANALYTICS_ONLY))).isEqualTo(204);
        assertThat(beacon(server.getURI(), purchase(container, "c-gpc-header", ALL), "Sec-GPC", "1")).isEqualTo(204);
        assertThat(beacon(server.getURI(), purchase(container, "c-gpc-page", ALL.replace("\"gpc\": false", "\"gpc\": true")))).isEqualTo(204);
        assertThat(beacon(server.getURI(), purchase(container, "c-granted", ALL))).isEqualTo(204);
        assertThat(beacon(server.getURI(), purchase(container, "c-lead", ALL).replace("\"Purchase\"", "\"Lead\""))).isEqualTo(204);

        Eventually.within(Duration.ofSeconds(10), "the granted event delivered", () -> stub.acceptedByEventId().containsKey("c-granted"));
        assertThat(stub.acceptedByEventId()).containsOnlyKeys("c-granted");
        assertThat(jobsOf(container)).isEqualTo(1);
    }

    @Test
    void aRejectedEventIsDeadLetteredWithTheVendorsErrorThenRetriedOrDiscarded() {
        String container = ForwardingFixture.serverContainer(admin, "server");
        stub.behave((id, attempt) -> new Answer(400, null,
                "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}", 0));
        assertThat(beacon(server.getURI(), purchase(container, "bad-1", ALL))).isEqualTo(204);
        assertThat(beacon(server.getURI(), purchase(container, "bad-2", ALL))).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(10), "both dead-lettered", () -> jobs(admin, container, "dead").size() == 2);
        Map<String, Object> dead = jobs(admin, container, "dead").get(0);
        assertThat((String) dead.get("lastError")).startsWith("HTTP 400").contains("Invalid parameter");
        assertThat(dead).containsEntry("attempts", 1).containsEntry("lastStatus", 400);
        assertThat(stub.attemptsOf("bad-1")).isEqualTo(1);

        stub.behave((id, attempt) -> Answer.ok("{\"events_received\":1}"));
        List<Map<String, Object>> both = jobs(admin, container, "dead");
        String retried = (String) both.get(0).get("id");
        String discarded = (String) both.get(1).get("id");
        admin.expect(204, "POST", "/api/containers/" + container + "/forwarding/jobs/" + retried + "/retry", "");
        admin.expect(204, "POST", "/api/containers/" + container + "/forwarding/jobs/" + discarded + "/discard", "");
        Eventually.within(Duration.ofSeconds(10), "the retried job delivered", () -> jobs(admin, container, "delivered").size() == 1);
        assertThat(jobs(admin, container, "discarded")).extracting(j -> j.get("id")).containsExactly(discarded);
        assertThat(stub.acceptedByEventId()).hasSize(1);
        // A job that is not dead cannot be retried or discarded.
        admin.expect(409, "POST", "/api/containers/" + container + "/forwarding/jobs/" + retried + "/discard", "");
        admin.expect(404, "POST", "/api/containers/" + container + "/forwarding/jobs/no-such-job/retry", "");
        assertThat(admin.get("/api/audit?container=" + container).body()).asString()
                .contains("forward.retried").contains("forward.discarded");
    }

    @Test
    void withoutCredentialsAJobIsDeadLetteredSayingWhatIsMissing() {
        String container = admin.createContainer("No credentials");
        admin.createTag(container, """
                {"name": "Meta", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "custom_event", "event": "purchase"}, "delivery": "server"}""");
        admin.publish(container, "no credentials yet");
        assertThat(beacon(server.getURI(), purchase(container, "nocred-1", ALL))).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(10), "dead-lettered", () -> jobs(admin, container, "dead").size() == 1);
        assertThat((String) jobs(admin, container, "dead").get(0).get("lastError")).contains("no meta credentials").contains("accessToken");
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void credentialsAreSealedAtRestShownOnlyAsAHintAndNeverAudited() throws Exception {
        String container = ForwardingFixture.serverContainer(admin, "server");
        Map<String, Object> meta = admin.maps(admin.get("/api/containers/" + container + "/forwarding")).stream()
                .filter(v -> "meta".equals(v.get("vendor"))).findFirst().orElseThrow();
        assertThat(meta.toString()).doesNotContain(TOKEN).contains("••••6789");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("select sealed, shown from vendor_credential where container_id = ?")) {
            s.setString(1, container);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("EAAB");
                assertThat(rs.getString(2)).doesNotContain(TOKEN);
            }
        }
        // An empty secret keeps the stored one; an unknown field is refused by name.
        admin.expect(200, "PUT", "/api/containers/" + container + "/forwarding/meta/credentials", "{\"accessToken\": \"\", \"testEventCode\": \"TEST42\"}");
        assertThat(admin.send("PUT", "/api/containers/" + container + "/forwarding/meta/credentials", "{\"pixelSecret\": \"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(admin.send("PUT", "/api/containers/" + container + "/forwarding/nosuchvendor/credentials", "{}").statusCode())
                .isEqualTo(404);
        assertThat(beacon(server.getURI(), purchase(container, "sealed-1", ALL))).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(10), "delivered with the kept token", () -> stub.acceptedByEventId().containsKey("sealed-1"));
        assertThat(stub.received().get(0).query()).isEqualTo("access_token=" + TOKEN);
        assertThat(stub.received().get(0).body()).doesNotContain("TEST42");

        String audit = new String(admin.get("/api/audit?container=" + container).body());
        assertThat(audit).contains("credentials.updated").doesNotContain(TOKEN).doesNotContain("TEST42");
    }

    @Test
    void theTestEventUsesTheVendorsTestModeAndShowsItsAnswer() {
        String container = ForwardingFixture.serverContainer(admin, "server");
        admin.expect(200, "PUT", "/api/containers/" + container + "/forwarding/meta/credentials", "{\"testEventCode\": \"TEST42\"}");
        Map<String, Object> result = admin.expect(200, "POST", "/api/containers/" + container + "/forwarding/meta/test", "");
        assertThat(result).containsEntry("verdict", "delivered").containsEntry("httpStatus", 200);
        assertThat((String) result.get("answer")).contains("events_received");
        assertThat(stub.received()).hasSize(1);
        assertThat(stub.received().get(0).body()).contains("\"test_event_code\":\"TEST42\"").contains((String) result.get("eventId"));
        assertThat(jobsOf(container)).isZero();
    }

    @Test
    void aServerOnlyTagPutsNoVendorCodeInTheScriptWhileBrowserAndServerKeepsThePixel() {
        String serverOnly = ForwardingFixture.serverContainer(admin, "server");
        String both = ForwardingFixture.serverContainer(admin, "browser_and_server");
        String serverScript = new String(admin.anonymous().get("/c/" + serverOnly + ".js").body());
        String bothScript = new String(admin.anonymous().get("/c/" + both + ".js").body());
        assertThat(bothScript).contains("connect.facebook.net");
        assertThat(serverScript).doesNotContain("connect.facebook.net").doesNotContain("fbevents").doesNotContain("123456789012345")
                .contains("/collect");
    }

    @Test
    void serverDeliveryIsRefusedWhileCollectionIsOff() {
        String container = (String) admin.expect(201, "POST", "/api/containers",
                "{\"name\": \"No collection\", \"collection\": {\"enabled\": false}}").get("id");
        var answer = admin.send("POST", "/api/containers/" + container + "/tags", """
                {"name": "Meta", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "page_load"}, "delivery": "server"}""");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(new String(answer.body())).contains("delivery").contains("first-party collection");
    }

    private int jobsOf(String container) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from forward_job where container_id = ?")) {
            s.setString(1, container);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
