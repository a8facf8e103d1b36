package io.tagwarden.collect;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The default sink: the events are committed by the {@link EventWriter} before the answer. */
@Singleton
@Requires(property = "tagwarden.collect.sink", value = "database", defaultValue = "database")
class DatabaseSink implements EventSink {

    private final EventWriter writer;

    DatabaseSink(EventWriter writer) {
        this.writer = writer;
    }

    @Override
    public CompletableFuture<List<EventWriter.Outcome>> write(List<CollectedEvent> events) {
        return writer.write(events);
    }
}
