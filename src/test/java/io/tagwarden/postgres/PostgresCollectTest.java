package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.collect.CollectApiTest;
import io.tagwarden.support.PostgresServer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The collection tests against a real PostgreSQL server (its ON CONFLICT path for duplicates, its timestamps). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCollectTest extends CollectApiTest implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    @Test
    void erasureLookupsAreIndexedOnPostgresql() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("select indexname from pg_indexes where tablename = 'collected_event'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).contains("collected_event_visitor", "collected_event_email", "collected_event_received");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
