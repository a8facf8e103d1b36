package io.tagwarden.collect.kafka;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.support.Eventually;
import io.tagwarden.support.KafkaBroker;
import io.tagwarden.support.TestApi;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code tagwarden.collect.sink=kafka} against a real broker in the test JVM: /collect answers 204 once the broker has
 * the events, the consumer group writes them and their forwarding jobs, duplicates are stored once, a record that is
 * not an event does not stop its partition, a batch the database refuses is read again until written, a consumer restart with every record re-delivered loses and duplicates
 * nothing, and with the broker down /collect answers 503 within seconds. The app runs on an in-memory H2 database
 * that outlives the app context, so a second context sees the first one's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSinkTest {

    static final String TOPIC = "tagwarden-events";
    static final String GROUP = "tagwarden-ingest";
    static final String ALL = "{\"analytics\": \"granted\", \"marketing\": \"granted\", \"source\": \"banner\", \"gpc\": false}";

    final String jdbcUrl = "jdbc:h2:mem:kafka-sink-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    final HttpClient http = HttpClient.newHttpClient();

    KafkaBroker broker;
    Admin kafkaAdmin;
    Connection db;
    EmbeddedServer app;
    TestApi admin;
    String container;

    @BeforeAll
    void start() throws SQLException {
        broker = KafkaBroker.start(3);
        kafkaAdmin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        db = DriverManager.getConnection(jdbcUrl, "sa", "");
        app = startApp();
        admin = TestApi.admin(app.getURI());
        container = forwardingContainer();
    }

    @AfterAll
    void stop() throws SQLException {
        if (app != null) {
            app.close();
        }
        kafkaAdmin.close(Duration.ofSeconds(2));
        broker.close();
        db.close();
    }

    EmbeddedServer startApp() {
        Map<String, Object> p = new HashMap<>();
        p.put("tagwarden.collect.sink", "kafka");
        p.put("kafka.bootstrap.servers", broker.bootstrapServers());
        p.put("datasources.default.url", jdbcUrl);
        p.put("tagwarden.collect.requests-per-second", "100000");
        p.put("tagwarden.collect.burst", "100000");
        p.put("tagwarden.collect.kafka.retry-delay", "200ms");
        p.put("tagwarden.forward.worker-enabled", "false");
        p.put("tagwarden.serve.latest-check-interval", "100ms");
        // A down broker must fail a request within seconds, not the client's default minute.
        p.put("kafka.producers." + KafkaEventSink.CLIENT_ID + ".max.block.ms", "2000");
        p.put("kafka.producers." + KafkaEventSink.CLIENT_ID + ".request.timeout.ms", "1000");
        p.put("kafka.producers." + KafkaEventSink.CLIENT_ID + ".delivery.timeout.ms", "3000");
        p.put("kafka.consumers." + GROUP + ".default.api.timeout.ms", "3000");
        return ApplicationContext.run(EmbeddedServer.class, p, "test");
    }

    /** A container whose Meta Purchase tag delivers from the server (the worker is off, so jobs stay pending). */
    String forwardingContainer() {
        String id = admin.createContainer("Kafka");
        admin.createTag(id, """
                {"name": "Meta purchase (server)", "vendor": "meta", "settings": {"pixelId": "123456789012345"}, "event": "Purchase",
                 "trigger": {"on": "custom_event", "event": "purchase"}, "delivery": "server"}""");
        admin.expect(200, "PUT", "/api/containers/" + id + "/forwarding/meta/credentials", "{\"accessToken\": \"EAAB-kafka-test-token-0123456789\"}");
        admin.publish(id, "server delivery");
        return id;
    }

    static String purchase(String container, String eventId) {
        return """
                {"container": "%s", "event": "Purchase", "event_id": "%s", "url": "https://shop.example.com/thank-you",
                 "consent": %s, "params": {"value": 42.5, "currency": "EUR"}, "user": {"email": "jane.doe@example.com"}}"""
                .formatted(container, eventId, ALL);
    }

    static String batch(String container, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> purchase(container, prefix + i)).collect(Collectors.joining(",", "[", "]"));
    }

    HttpResponse<String> collect(String body) {
        try {
            return http.send(HttpRequest.newBuilder(app.getURI().resolve("/collect")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "https://shop.example.com")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows per event id of the test container. */
    Map<String, Integer> stored(String prefix) {
        return query("select event_id, count(*) from collected_event where container_id = ? and event_id like ? group by event_id", prefix);
    }

    Map<String, Integer> jobs(String prefix) {
        return query("select e.event_id, count(*) from forward_job j join collected_event e on e.id = j.event_ref"
                + " where e.container_id = ? and e.event_id like ? group by e.event_id", prefix);
    }

    Map<String, Integer> query(String sql, String prefix) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, container);
            q.setString(2, prefix + "%");
            Map<String, Integer> counts = new HashMap<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The consumer group has committed every record on the topic: all of them are in the database. */
    boolean drained() {
        try {
            List<TopicPartition> partitions = kafkaAdmin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = kafkaAdmin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            var ends = kafkaAdmin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            return partitions.stream().allMatch(tp -> {
                OffsetAndMetadata c = committed.get(tp);
                return (c == null ? 0 : c.offset()) >= ends.get(tp).offset();
            });
        } catch (Exception e) {
            return false;
        }
    }

    void awaitDrained() {
        Eventually.within(Duration.ofSeconds(20), "the consumer group commits every record", this::drained);
    }

    @Test
    @Order(0)
    void theKafkaSinkWithoutBootstrapServersStopsStartupWithAMessage() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tagwarden.collect.sink", "kafka", "datasources.default.url", jdbcUrl), "test").close())
                .hasStackTraceContaining("tagwarden.collect.sink=kafka needs kafka.bootstrap.servers");
    }

    KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @Test
    @Order(1)
    void eventsAnswered204AreWrittenByTheConsumerWithTheirForwardingJobs() {
        HttpResponse<String> answer = collect(batch(container, "first-", 20));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        awaitDrained();
        assertThat(stored("first-")).hasSize(20).allSatisfy((id, rows) -> assertThat(rows).isEqualTo(1));
        assertThat(jobs("first-")).as("one forwarding job per event, created with it").hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(query("select event_id, extract(microsecond from received_at) from collected_event where container_id = ? and event_id like ?", "first-").values())
                .as("arrival times keep their microseconds through the topic's JSON").anySatisfy(micros -> assertThat(micros % 1000).isNotZero());
        Map<String, Object> event = admin.maps(admin.get("/api/containers/" + container + "/events?limit=100")).stream()
                .filter(e -> "first-7".equals(e.get("eventId"))).findFirst().orElseThrow();
        assertThat(event).containsEntry("eventName", "Purchase").containsEntry("marketingGranted", true)
                .containsEntry("pageUrl", "https://shop.example.com/thank-you").containsKey("emailSha256").containsKey("receivedAt");
    }

    @Test
    @Order(2)
    void theSameEventSentTwiceIsStoredOnce() {
        assertThat(collect(purchase(container, "twice-a")).statusCode()).isEqualTo(204);
        assertThat(collect("[" + purchase(container, "twice-a") + "," + purchase(container, "twice-b") + "]").statusCode()).isEqualTo(204);
        awaitDrained();
        assertThat(stored("twice-")).containsOnly(Map.entry("twice-a", 1), Map.entry("twice-b", 1));
        assertThat(jobs("twice-")).containsOnly(Map.entry("twice-a", 1), Map.entry("twice-b", 1));
    }

    @Test
    @Order(3)
    void aRecordThatIsNotAnEventIsSkippedAndDoesNotStopItsPartition() throws Exception {
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(TOPIC, partition, "poison", "{not json".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(TOPIC, partition, "empty", "{}".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        assertThat(collect(batch(container, "after-poison-", 10)).statusCode()).isEqualTo(204);
        awaitDrained();
        assertThat(stored("after-poison-")).hasSize(10);
    }

    @Test
    @Order(4)
    void aBatchTheDatabaseRefusesIsReadAgainUntilItIsWrittenNotSkipped() throws Exception {
        try (var ddl = db.createStatement()) {
            ddl.execute("alter table collected_event rename to collected_event_away");
        }
        try {
            assertThat(collect(batch(container, "db-down-", 10)).statusCode()).as("Kafka has them").isEqualTo(204);
            Thread.sleep(1500); // several tries of the consumer, each failing
            assertThat(drained()).as("no offset is committed past events not written").isFalse();
        } finally {
            try (var ddl = db.createStatement()) {
                ddl.execute("alter table collected_event_away rename to collected_event");
            }
        }
        awaitDrained();
        assertThat(stored("db-down-")).hasSize(10).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(jobs("db-down-")).hasSize(10);
    }

    @Test
    @Order(5)
    void aConsumerRestartWithEverythingRedeliveredLosesNothingAndDuplicatesNothing() throws Exception {
        assertThat(collect(batch(container, "restart-a-", 50)).statusCode()).isEqualTo(204);
        assertThat(collect(batch(container, "restart-b-", 50)).statusCode()).isEqualTo(204);
        app.close(); // possibly before the consumer has written them all
        app = null;

        // While no consumer runs, another instance goes on accepting events (here: its producer's records).
        ObjectMapper json = ObjectMapper.getDefault();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int i = 0; i < 50; i++) {
                CollectedEvent e = new CollectedEvent(UUID.randomUUID().toString(), container, "restart-c-" + i, "Purchase", "server",
                        Instant.now(), null, null, null, null, null, null, true, true, "banner", false, false, false, null,
                        null, "{\"value\":1}", null, null, null, null, null);
                producer.send(new ProducerRecord<>(TOPIC, container + "/" + e.eventId(), json.writeValueAsBytes(e))).get();
            }
        }
        // As after a crash between the database commit and the offset commit: every record is read again.
        List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
        kafkaAdmin.alterConsumerGroupOffsets(GROUP, partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)))).all().get();
        assertThat(drained()).isFalse();

        app = startApp();
        admin = TestApi.admin(app.getURI());
        awaitDrained();
        Map<String, Integer> rows = stored("restart-");
        assertThat(rows).hasSize(150).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(stored("first-")).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(jobs("restart-")).hasSize(150).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(jobs("first-")).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    @Order(6)
    void withTheBrokerDownCollectAnswers503WithinSecondsAndClaimsNothing() {
        // The producer knows the topic's leaders, so it does not wait for metadata but for acknowledgements that never come.
        assertThat(collect(purchase(container, "before-down")).statusCode()).isEqualTo(204);
        broker.stop();
        for (String id : List.of("down-1", "down-2")) {
            long start = System.nanoTime();
            HttpResponse<String> answer = collect(purchase(container, id));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.body()).contains("Retry");
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
        assertThat(stored("down-")).isEmpty();
    }
}
