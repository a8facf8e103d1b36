package io.tagwarden.forward;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.collect.EventIds;
import io.tagwarden.collect.StoredEventsFollowUp;
import io.tagwarden.compile.TagModel;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The outbox's writing half: for every event just stored, one {@code forward_job} per server-delivered tag of the live
 * version that forwards it ({@link ForwardRules}), inserted in the event writer's own transaction — the event and its
 * jobs commit together or not at all. The job freezes the tag's settings and vendor event name, so a later publish does
 * not change what an already accepted event is sent as.
 */
@Singleton
class ForwardPlanner implements StoredEventsFollowUp {

    static final String INSERT = """
            insert into forward_job (id, event_ref, container_id, vendor, tag_id, vendor_event, settings, status, attempts,
              next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""";

    private final ForwardTargets targets;
    private final Forwarders forwarders;
    private final EventIds ids;
    private final ObjectMapper json;

    ForwardPlanner(ForwardTargets targets, Forwarders forwarders, EventIds ids, ObjectMapper json) {
        this.targets = targets;
        this.forwarders = forwarders;
        this.ids = ids;
        this.json = json;
    }

    @Override
    public void write(Connection connection, List<CollectedEvent> stored) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int jobs = 0;
            for (CollectedEvent event : stored) {
                for (TagModel tag : targets.of(event.containerId())) {
                    if (forwarders.find(tag.vendor()).isPresent() && ForwardRules.forwards(tag, event)) {
                        bind(insert, event, tag);
                        insert.addBatch();
                        jobs++;
                    }
                }
            }
            if (jobs > 0) {
                insert.executeBatch();
            }
        }
    }

    private void bind(PreparedStatement s, CollectedEvent event, TagModel tag) throws SQLException {
        Timestamp now = Timestamp.from(event.receivedAt());
        s.setString(1, ids.next());
        s.setString(2, event.id());
        s.setString(3, event.containerId());
        s.setString(4, tag.vendor());
        s.setString(5, tag.id());
        s.setString(6, tag.vendorEvent());
        s.setString(7, settingsJson(tag));
        s.setTimestamp(8, now);
        s.setTimestamp(9, now);
    }

    private String settingsJson(TagModel tag) {
        try {
            return json.writeValueAsString(tag.settings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
