package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.collect.CollectApiTest;
import io.tagwarden.support.PostgresServer;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The collection tests against a real PostgreSQL server (its ON CONFLICT path for duplicates, its timestamps). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCollectTest extends CollectApiTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
