package io.tagwarden.collect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows that must commit together with the events they follow from — the forwarding outbox's jobs. The event writer
 * calls every such bean inside its transaction with the events just stored (duplicates left out), so an event and its
 * follow-ups are committed, or neither is.
 */
public interface StoredEventsFollowUp {

    void write(Connection connection, List<CollectedEvent> stored) throws SQLException;
}
