package io.tagwarden.collect.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.collect.EventSink;
import io.tagwarden.collect.EventWriter;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code tagwarden.collect.sink=kafka}: events are sent to the topic keyed by container and event id, and the answer
 * waits until all of them are acknowledged. Every event counts as stored: whether it is a duplicate is only known when
 * {@link KafkaEventConsumer} writes it, and then the database drops it. Any failure fails the whole request (503, the
 * client retries the batch; events of it that did reach the topic are then dropped as duplicates).
 */
@Context
@Requires(property = "tagwarden.collect.sink", value = "kafka")
final class KafkaEventSink implements EventSink {

    static final String CLIENT_ID = "tagwarden-ingest";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventSink.class);

    private final EventProducer producer;

    KafkaEventSink(EventProducer producer, Environment environment) {
        // Without kafka.* micronaut-kafka stays off: the producer would fail on first use and no consumer would start.
        boolean kafkaOn = environment.getProperty("kafka.enabled", Boolean.class, true);
        if (!kafkaOn || !environment.containsProperty("kafka.bootstrap.servers")) {
            throw new ConfigurationException("tagwarden.collect.sink=kafka needs kafka.bootstrap.servers (e.g. KAFKA_BOOTSTRAP_SERVERS=host1:9092,host2:9092)"
                    + " and kafka.enabled left true");
        }
        this.producer = producer;
    }

    @Override
    public CompletableFuture<List<EventWriter.Outcome>> write(List<CollectedEvent> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (CollectedEvent event : events) {
            try {
                sends.add(producer.send(event.containerId() + "/" + event.eventId(), event));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            if (failure == null) {
                return Collections.nCopies(events.size(), EventWriter.Outcome.stored);
            }
            KafkaException kafka = kafkaCause(failure);
            if (kafka == null) {
                throw new IllegalStateException("Could not send events to Kafka", failure);
            }
            LOG.warn("Kafka did not acknowledge {} events: {}", events.size(), kafka.toString());
            throw new UnavailableException("The event buffer did not acknowledge the events (" + kafka.getClass().getSimpleName()
                    + "); none is promised. Retry shortly.", kafka);
        });
    }

    private static KafkaException kafkaCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaException k) {
                return k;
            }
        }
        return null;
    }
}
