package io.tagwarden.postgres;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.PostgresServer;
import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one real PostgreSQL share one outbox: both claim jobs (FOR UPDATE SKIP LOCKED), and no event
 * reaches the vendor twice. A publish on one instance is served by the other within its check interval.
 */
class PostgresOutboxTest {

    @Test
    void twoInstancesClaimingOneOutboxNeverSendAnEventTwice() throws Exception {
        try (StubVendor stub = new StubVendor();
             EmbeddedServer one = start(stub, "instance-one");
             EmbeddedServer two = start(stub, "instance-two")) {
            stub.behave((id, attempt) -> new StubVendor.Answer(200, null, "{\"events_received\":1}", 15));
            TestApi admin = TestApi.admin(one.getURI());
            String container = adminContainer(admin);
            List<String> ids = IntStream.range(0, 400).mapToObj(i -> "pg-" + i).toList();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < ids.size(); i++) {
                URI target = (i % 2 == 0 ? one : two).getURI();
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target.resolve("/collect"))
                        .header("Content-Type", "text/plain").header("User-Agent", "Mozilla/5.0 test")
                        .POST(HttpRequest.BodyPublishers.ofString(io.tagwarden.forward.ForwardingFixtureAccess.purchase(container, ids.get(i))))
                        .build(), HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(204);
            }
            Eventually.within(Duration.ofSeconds(60), "400 events delivered", () -> stub.acceptedByEventId().keySet().containsAll(ids));
            Thread.sleep(500);
            assertThat(stub.acceptedByEventId()).hasSize(400).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            ids.forEach(id -> assertThat(stub.attemptsOf(id)).as(id).isEqualTo(1));

            Map<String, Integer> byInstance = new TreeMap<>();
            try (Connection c = DelegatingDataSource.unwrapDataSource(one.getApplicationContext().getBean(DataSource.class)).getConnection();
                 PreparedStatement s = c.prepareStatement(
                         "select lease_owner, count(*) from forward_job where container_id = ? and status = 'delivered' group by lease_owner")) {
                s.setString(1, container);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byInstance.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            assertThat(byInstance).containsOnlyKeys("instance-one", "instance-two");
            assertThat(byInstance.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
            assertThat(admin.maps(admin.get("/api/containers/" + container + "/forwarding/daily?days=1&vendor=meta")))
                    .singleElement().satisfies(d -> assertThat(d).containsEntry("delivered", 400));
            assertThat(admin.maps(admin.get("/api/containers/" + container + "/forwarding/daily?days=1")))
                    .singleElement().satisfies(d -> assertThat(d).containsEntry("delivered", 400));

            // A publish on one instance is served by the other, byte for byte, within its check interval.
            TestApi anonymousTwo = TestApi.admin(two.getURI()).anonymous();
            String before = new String(anonymousTwo.get("/c/" + container + ".js").body());
            admin.createTag(container, TestApi.googlePageViewTag());
            admin.publish(container, "second version");
            String published = new String(admin.anonymous().get("/c/" + container + ".js").body());
            assertThat(published).isNotEqualTo(before).contains("googletagmanager");
            Eventually.within(Duration.ofSeconds(5), "instance two serving version 2",
                    () -> new String(anonymousTwo.get("/c/" + container + ".js").body()).equals(published));
        }
    }

    private static String adminContainer(TestApi admin) {
        return io.tagwarden.forward.ForwardingFixtureAccess.serverContainer(admin);
    }

    private static EmbeddedServer start(StubVendor stub, String instance) {
        Map<String, Object> p = new HashMap<>(io.tagwarden.forward.ForwardingFixtureAccess.properties(stub));
        p.putAll(PostgresServer.shared().datasourceProperties());
        p.put("tagwarden.forward.instance-id", instance);
        p.put("tagwarden.forward.claim-batch", "10");
        return ApplicationContext.run(EmbeddedServer.class, p, "test");
    }
}
