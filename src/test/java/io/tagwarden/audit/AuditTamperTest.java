package io.tagwarden.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A change made behind Tagwarden's back, directly in the database, is found by "verify", with the entry it hit. */
@MicronautTest(transactional = false)
class AuditTamperTest {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Test
    void editingOrRemovingAnEntryInTheDatabaseBreaksTheChainThere() throws Exception {
        TestApi admin = TestApi.admin(server.getURI());
        for (int i = 0; i < 5; i++) {
            admin.createContainer("Chain " + i);
        }
        assertThat(admin.map(admin.get("/api/audit/verify"))).containsEntry("intact", true);
        List<Object> entries = admin.list(admin.get("/api/audit?kind=container.created"));
        long victim = ((Number) ((Map<?, ?>) entries.get(2)).get("id")).longValue();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_entry set actor = 'someone-else' where id = " + victim);
        }
        Map<String, Object> edited = admin.map(admin.get("/api/audit/verify"));
        assertThat(edited).containsEntry("intact", false);
        assertThat(((Number) edited.get("firstBrokenId")).longValue()).isEqualTo(victim);
        assertThat((String) edited.get("problem")).contains("changed");

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_entry set actor = 'admin' where id = " + victim);
            assertThat(admin.map(admin.get("/api/audit/verify"))).containsEntry("intact", true);
            s.executeUpdate("delete from audit_entry where id = " + victim);
        }
        Map<String, Object> removed = admin.map(admin.get("/api/audit/verify"));
        assertThat(removed).containsEntry("intact", false);
        assertThat((String) removed.get("problem")).contains("removed");
    }
}
