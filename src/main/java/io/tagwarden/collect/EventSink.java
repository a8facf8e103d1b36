package io.tagwarden.collect;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where admitted events go before {@code /collect} answers. The future completes once the events are durable in that
 * place: committed to the database ({@link DatabaseSink}, the default) or acknowledged by every in-sync replica of the
 * Kafka topic ({@code io.tagwarden.collect.kafka}, with {@code tagwarden.collect.sink=kafka}). It fails with
 * {@link UnavailableException} when the client should retry later (503), with anything else when it should not count
 * on any of the events (500).
 */
public interface EventSink {

    CompletableFuture<List<EventWriter.Outcome>> write(List<CollectedEvent> events);

    /** The sink cannot take events now (broker unreachable, timed out): answer 503 and let the client retry. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
