package io.tagwarden.collect.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * {@code tagwarden.collect.kafka.*}, read only with {@code tagwarden.collect.sink=kafka}. The Kafka clients themselves
 * are set with micronaut-kafka's {@code kafka.*} (at least {@code kafka.bootstrap.servers}); the producer's own settings
 * under {@code kafka.producers.tagwarden-ingest.*}, the consumer's under {@code kafka.consumers.<group-id>.*}.
 *
 * @param topic        the topic events are sent to and read from (the listener reads the same property)
 * @param groupId      the consumer group that writes the events to the database (the listener reads the same property)
 * @param retryDelay   how long the consumer waits before reading again records it could not write
 * @param writeTimeout how long the consumer waits for the event writer before taking a write as failed
 */
@ConfigurationProperties("tagwarden.collect.kafka")
@Requires(property = "tagwarden.collect.sink", value = "kafka")
public record KafkaIngestConfiguration(
        @Bindable(defaultValue = KafkaIngestConfiguration.DEFAULT_TOPIC) @NotBlank String topic,
        @Bindable(defaultValue = KafkaIngestConfiguration.DEFAULT_GROUP) @NotBlank String groupId,
        @Bindable(defaultValue = "1s") Duration retryDelay,
        @Bindable(defaultValue = "60s") Duration writeTimeout) {

    static final String DEFAULT_TOPIC = "tagwarden-events";
    static final String DEFAULT_GROUP = "tagwarden-ingest";
    static final String TOPIC = "${tagwarden.collect.kafka.topic:" + DEFAULT_TOPIC + "}";
    static final String GROUP = "${tagwarden.collect.kafka.group-id:" + DEFAULT_GROUP + "}";
}
