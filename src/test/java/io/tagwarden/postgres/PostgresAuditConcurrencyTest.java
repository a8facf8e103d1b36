package io.tagwarden.postgres;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tagwarden.audit.AuditConcurrencyTest;
import io.tagwarden.support.PostgresServer;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The concurrent-append test against PostgreSQL (row lock on the chain's head under real concurrency). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAuditConcurrencyTest extends AuditConcurrencyTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresServer.shared().datasourceProperties();
    }
}
