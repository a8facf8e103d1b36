package io.tagwarden.collect.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.tagwarden.collect.CollectedEvent;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one event as JSON (Micronaut Serde). acks=all with idempotence: the future completes once every in-sync replica
 * has the record, and the producer's own retries never write it twice. Not a blocking {@code void} method: that would
 * wait for each record in turn (hundreds per second instead of thousands).
 */
@KafkaClient(id = KafkaEventSink.CLIENT_ID, acks = KafkaClient.Acknowledge.ALL,
        properties = @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"))
@Requires(property = "tagwarden.collect.sink", value = "kafka")
interface EventProducer {

    @Topic(KafkaIngestConfiguration.TOPIC)
    CompletableFuture<RecordMetadata> send(@KafkaKey String key, CollectedEvent event);
}
