package io.tagwarden.scan;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.support.PostgresServer;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Scan storage against a real PostgreSQL server instead of H2. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanStoragePostgresTest extends ScanStorageTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
