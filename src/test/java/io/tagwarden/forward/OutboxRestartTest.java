package io.tagwarden.forward;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart in the middle of the outbox: events accepted by one instance are delivered by the next from the same
 * database, and jobs a crashed instance had claimed are taken over once their lease has run out — not before — each
 * delivered exactly once.
 */
class OutboxRestartTest {

    final StubVendor stub = new StubVendor();

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void jobsOfACrashedInstanceAreTakenOverAfterTheirLeaseAndNothingIsLostAcrossARestart() throws Exception {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "restart-" + i).toList();
        Instant leaseEnds;
        String container;
        try (EmbeddedServer first = start(false)) {
            TestApi admin = TestApi.admin(first.getURI());
            container = ForwardingFixture.serverContainer(admin, "server");
            for (String id : ids) {
                assertThat(ForwardingFixture.beacon(first.getURI(), ForwardingFixture.purchase(container, id, ForwardingFixture.ALL)))
                        .isEqualTo(204);
            }
            // Half of the jobs were claimed by an instance that then died mid-send: status sending, lease still running.
            leaseEnds = Instant.now().plusSeconds(4);
            try (Connection c = connection(first); PreparedStatement s = c.prepareStatement("""
                    update forward_job set status = 'sending', lease_owner = 'crashed-instance', lease_until = ?, attempts = 1
                    where event_ref in (select id from collected_event where event_id in ('restart-0', 'restart-1', 'restart-2',
                      'restart-3', 'restart-4'))""")) {
                s.setTimestamp(1, Timestamp.from(leaseEnds));
                assertThat(s.executeUpdate()).isEqualTo(5);
            }
        }
        assertThat(stub.received()).isEmpty();

        try (EmbeddedServer second = start(true)) {
            Eventually.within(Duration.ofSeconds(30), "all 10 delivered after the restart",
                    () -> stub.acceptedByEventId().keySet().containsAll(ids));
            assertThat(stub.acceptedByEventId()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            for (StubVendor.Received r : stub.received()) {
                if (r.body().matches("(?s).*\"restart-[0-4]\".*")) {
                    assertThat(r.atMillis()).as("sent after the crashed instance's lease").isGreaterThanOrEqualTo(leaseEnds.toEpochMilli() - 50);
                }
            }
            try (Connection c = connection(second); PreparedStatement s = c.prepareStatement(
                    "select status, attempts, lease_owner from forward_job where container_id = ?")) {
                s.setString(1, container);
                try (ResultSet rs = s.executeQuery()) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        assertThat(rs.getString(1)).isEqualTo("delivered");
                        assertThat(rs.getString(3)).isEqualTo("second-instance");
                    }
                    assertThat(rows).isEqualTo(10);
                }
            }
        }
    }

    private EmbeddedServer start(boolean worker) {
        Map<String, Object> p = new HashMap<>(ForwardingFixture.properties(stub));
        p.put("datasources.default.url", "jdbc:h2:file:" + data.resolve("tagwarden")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        p.put("tagwarden.data-dir", data.toString());
        p.put("tagwarden.forward.worker-enabled", String.valueOf(worker));
        p.put("tagwarden.forward.instance-id", "second-instance");
        return ApplicationContext.run(EmbeddedServer.class, p, "test");
    }

    private static Connection connection(EmbeddedServer server) throws java.sql.SQLException {
        return DelegatingDataSource.unwrapDataSource(server.getApplicationContext().getBean(DataSource.class)).getConnection();
    }
}
