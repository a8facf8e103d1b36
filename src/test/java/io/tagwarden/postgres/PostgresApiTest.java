package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.container.ContainerApiTest;
import io.tagwarden.support.PostgresServer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The container and tag API tests, against a real PostgreSQL server instead of H2. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApiTest extends ContainerApiTest implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    @Test
    void theseTestsReallyRunOnPostgresql() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
