package io.tagwarden.audit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes made at the same time by many clients still form one unbroken chain (appends are serialised on the head row). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AuditConcurrencyTest {

    @Inject
    EmbeddedServer server;

    @Test
    void concurrentChangesNeverForkTheChain() throws Exception {
        TestApi admin = TestApi.admin(server.getURI());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            created.add(pool.submit(() -> admin.createContainer("Concurrent " + n)));
        }
        for (Future<String> f : created) {
            assertThat(f.get()).startsWith("TW-");
        }
        pool.shutdown();
        Map<String, Object> verification = admin.map(admin.get("/api/audit/verify"));
        assertThat(verification).containsEntry("intact", true);
        assertThat(((Number) verification.get("entries")).intValue()).isGreaterThanOrEqualTo(40);
    }
}
