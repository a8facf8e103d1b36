package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.serve.ContainerScriptServingTest;
import io.tagwarden.support.PostgresServer;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Publishing, versions, rollback and serving, against a real PostgreSQL server instead of H2. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresServingTest extends ContainerScriptServingTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
