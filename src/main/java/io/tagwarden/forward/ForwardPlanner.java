package io.tagwarden.forward;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.collect.EventIds;
import io.tagwarden.collect.StoredEventsFollowUp;
import io.tagwarden.compile.TagModel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outbox's writing half: for every event just stored, one {@code forward_job} per server-delivered tag of the live
 * version that forwards it ({@link ForwardRules}), inserted in the event writer's own transaction — the event and its
 * jobs commit together or not at all. The job freezes the tag's settings and vendor event name, so a later publish does
 * not change what an already accepted event is sent as.
 */
@Singleton
class ForwardPlanner implements StoredEventsFollowUp {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardPlanner.class);

    static final String INSERT = """
            insert into forward_job (id, event_ref, container_id, vendor, tag_id, vendor_event, settings, status, attempts,
              next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""";

    private final ForwardTargets targets;
    private final Forwarders forwarders;
    private final EventIds ids;
    private final ObjectMapper json;
    private final Map<String, Optional<Pattern>> patterns = new java.util.concurrent.ConcurrentHashMap<>();

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
            Map<String, List<TagModel>> byContainer = new HashMap<>();
            for (CollectedEvent event : stored) {
                for (TagModel tag : byContainer.computeIfAbsent(event.containerId(), this::targetsOf)) {
                    if (forwarders.find(tag.vendor()).isPresent() && ForwardRules.forwards(tag, event, this::pattern)) {
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

    /** Triggers' regular expressions, compiled once (bounded: cleared when it grows past 10,000). */
    private Optional<Pattern> pattern(String regex) {
        if (patterns.size() > 10_000) {
            patterns.clear();
        }
        return patterns.computeIfAbsent(regex, ForwardRules::compile);
    }

    /**
     * A container whose live version cannot be read forwards nothing, and its events are still stored: one broken
     * container must not stop ingest for every other (the error is logged; its events can be replayed from the table).
     */
    private List<TagModel> targetsOf(String containerId) {
        try {
            return targets.of(containerId);
        } catch (RuntimeException e) {
            LOG.error("Cannot read the live version of {}: its events are stored but not forwarded ({})", containerId, e.toString());
            return List.of();
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
