package io.tagwarden.collect;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood from one client address is answered 429 with Retry-After once its bucket is empty; what was accepted stays. */
@MicronautTest
@Property(name = "tagwarden.collect.requests-per-second", value = "1")
@Property(name = "tagwarden.collect.burst", value = "5")
class CollectRateLimitTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aFloodFromOneAddressIsRefusedWith429() {
        TestApi admin = TestApi.admin(server.getURI());
        String id = admin.createContainer("Flood");
        CollectClient client = new CollectClient(server.getURI());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            HttpResponse<byte[]> r = client.json("{\"container\": \"" + id + "\", \"event\": \"PageView\", \"event_id\": \"f" + i + "\"}");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(CollectClient.text(r)).contains("Too many requests");
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(204);
        assertThat(statuses).contains(429);
        long stored = statuses.stream().filter(s -> s == 204).count();
        assertThat(admin.list(admin.get("/api/containers/" + id + "/events"))).hasSize((int) stored);
    }
}
