package io.tagwarden.collect.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.collect.EventWriter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The consumer group that moves events from the topic to the database, a batch per poll. Each event is its own job
 * for the {@link EventWriter} (which still commits them together), so the writer's one-by-one fallback isolates a row
 * the database refuses. Offsets are committed synchronously after the listener returns, that is after the database
 * commit; for a partition where a write failed the position is first moved back to the first record not written, so
 * it is read again after {@code retry-delay} and nothing is skipped. A crash between the database commit and the
 * offset commit re-delivers records: the unique (container_id, event_id) drops them.
 *
 * <p>Poison records are logged (topic, partition, offset) and skipped, not sent to a dead-letter topic: a record that
 * is not an event (bad JSON, required fields missing) and a row the database refuses as data (SQLState class 22 or 23)
 * would never succeed, and must not stop the partition.
 */
@KafkaListener(groupId = KafkaIngestConfiguration.GROUP, offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true,
        properties = {
                @Property(name = ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, value = "org.apache.kafka.common.serialization.StringDeserializer"),
                @Property(name = ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, value = "org.apache.kafka.common.serialization.ByteArrayDeserializer")})
@Requires(property = "tagwarden.collect.sink", value = "kafka")
class KafkaEventConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventConsumer.class);

    private record Pending(ConsumerRecord<String, byte[]> record, CompletableFuture<List<EventWriter.Outcome>> written) {
    }

    private final EventWriter writer;
    private final ObjectMapper json;
    private final KafkaIngestConfiguration config;

    KafkaEventConsumer(EventWriter writer, ObjectMapper json, KafkaIngestConfiguration config) {
        this.writer = writer;
        this.json = json;
        this.config = config;
    }

    @Topic(KafkaIngestConfiguration.TOPIC)
    void receive(ConsumerRecords<String, byte[]> records, Consumer<?, ?> consumer) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            CollectedEvent event = decode(record);
            if (event != null) {
                pending.add(new Pending(record, writer.write(List.of(event))));
            }
        }
        Map<TopicPartition, Long> rewind = new HashMap<>();
        long deadline = System.nanoTime() + config.writeTimeout().toNanos();
        for (Pending p : pending) {
            try {
                p.written().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (refusedAsData(e.getCause())) {
                    LOG.error("Skipped {}: the database refuses this event ({})", where(p.record()), e.getCause().getMessage());
                } else {
                    rewind.merge(partition(p.record()), p.record().offset(), Math::min);
                }
            } catch (TimeoutException e) {
                rewind.merge(partition(p.record()), p.record().offset(), Math::min);
            } catch (InterruptedException e) {
                // Shutting down: whatever is not confirmed is read again by whoever takes the partition.
                Thread.currentThread().interrupt();
                rewind.merge(partition(p.record()), p.record().offset(), Math::min);
            }
        }
        if (!rewind.isEmpty()) {
            rewind.forEach(consumer::seek);
            LOG.warn("Could not write events to the database; reading again from {} in {}", rewind, config.retryDelay());
            pause();
        }
    }

    private CollectedEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            CollectedEvent e = record.value() == null ? null : json.readValue(record.value(), CollectedEvent.class);
            if (e != null && e.id() != null && e.containerId() != null && e.eventId() != null && e.eventName() != null
                    && e.channel() != null && e.receivedAt() != null) {
                return e;
            }
            LOG.error("Skipped {}: not an event (required fields missing)", where(record));
        } catch (IOException | RuntimeException e) {
            LOG.error("Skipped {}: not an event ({})", where(record), e.getMessage());
        }
        return null;
    }

    /** Data exceptions (22) and constraint violations (23) fail again on every try; anything else may pass later. */
    private static boolean refusedAsData(Throwable failure) {
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    private void pause() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            Thread.sleep(config.retryDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
    }
}
