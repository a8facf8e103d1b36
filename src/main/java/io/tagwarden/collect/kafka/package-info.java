/**
 * Kafka as an optional ingest buffer ({@code tagwarden.collect.sink=kafka}): {@link io.tagwarden.collect.kafka.KafkaEventSink}
 * answers {@code /collect} once every in-sync replica has the events (acks=all, idempotent producer), and
 * {@link io.tagwarden.collect.kafka.KafkaEventConsumer}, one consumer group over all instances, writes them to the
 * database through the same {@link io.tagwarden.collect.EventWriter} as the default path (so forwarding jobs are
 * created in the same transaction) and commits offsets only after that commit. Delivery to the database is
 * at-least-once; the unique (container_id, event_id) makes it exactly-once in the table.
 */
package io.tagwarden.collect.kafka;
