package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.support.PostgresServer;
import io.tagwarden.transfer.ContainerTransferTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Export and all-or-nothing import, against a real PostgreSQL server instead of H2. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTransferTest extends ContainerTransferTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
