package io.tagwarden.collect;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: events from many concurrent requests are written by one writer thread, up to
 * {@code tagwarden.collect.writer-batch} in one JDBC batch and one transaction, and each request's future completes
 * only after that transaction has committed. So a 2xx always means "in the database", and durability costs one commit
 * per batch, not per event. An event whose (container, event_id) is already stored is reported as a duplicate
 * (at-most-once storage per event id: retries are safe). If a batch fails, its events are retried one by one so
 * one bad row cannot lose the others. {@link StoredEventsFollowUp}s (the forwarding outbox) write in the same transaction.
 */
@Context
public class EventWriter {

    /** What became of one event. */
    public enum Outcome { stored, duplicate }

    private static final String COLUMNS = """
            id, container_id, event_id, event_name, channel, received_at, client_time, page_url,
            referrer, user_agent, ip, visitor_id, analytics_granted, marketing_granted, consent_source, gpc_page, gpc_header,
            not_for_sale, machine_open, click_ids, params, email_sha256, phone_sha256, phone_e164_sha256, external_id_sha256,
            refused_vendors""";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    /** PostgreSQL: a duplicate (container, event_id) inserts nothing. */
    static final String INSERT_POSTGRES = "insert into collected_event (" + COLUMNS + ") values (" + VALUES
            + ") on conflict (container_id, event_id) do nothing";
    /**
     * H2 has no ON CONFLICT. A group is first written with a plain insert (duplicates are rare: a client's retry), and
     * only if the unique constraint refuses it, again with {@link #INSERT_H2_DEDUP}.
     */
    static final String INSERT_H2 = "insert into collected_event (" + COLUMNS + ") values (" + VALUES + ")";
    /** Insert only when absent (one writer per instance, and H2 is single-instance). */
    static final String INSERT_H2_DEDUP = "insert into collected_event (" + COLUMNS + ") select " + VALUES
            + " where not exists (select 1 from collected_event where container_id = ? and event_id = ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private record Job(List<CollectedEvent> events, CompletableFuture<List<Outcome>> done) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Job> queue;
    private final int batchSize;
    /**
     * How long a group may wait for more events before its commit, as long as they keep arriving: under a steady
     * stream of single events, fewer and larger commits (on H2 each commit is a chunk of the file, and thousands of
     * small chunks a second stall the store's housekeeping).
     */
    private final long lingerNanos;
    private final boolean h2;
    private final List<StoredEventsFollowUp> followUps;
    private final Thread thread;
    /** Completes the requests' futures (and so runs their answers) so the writer can go on with the next group. */
    private final ExecutorService completer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("tagwarden-event-completer").daemon(true).factory());
    private volatile boolean running = true;

    EventWriter(DataSource dataSource, CollectConfiguration config, List<StoredEventsFollowUp> followUps) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.followUps = List.copyOf(followUps);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSize = config.writerBatch();
        this.lingerNanos = config.writerLinger().toNanos();
        this.h2 = isH2(this.dataSource);
        this.thread = Thread.ofPlatform().name("tagwarden-event-writer").daemon(true).start(this::loop);
    }

    /** Queues the events; the future completes once they are committed (or fails; then nothing of them is promised). */
    public CompletableFuture<List<Outcome>> write(List<CollectedEvent> events) {
        CompletableFuture<List<Outcome>> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(List.of());
        } else if (!running || !queue.offer(new Job(List.copyOf(events), done))) {
            done.completeExceptionally(new WriterBusyException());
        }
        return done;
    }

    /** The writer is shutting down or its queue is full: the caller should answer 503 and the client retry. */
    public static final class WriterBusyException extends RuntimeException {
        WriterBusyException() {
            super("The event writer is busy; try again shortly", null, false, false);
        }
    }

    private void loop() {
        List<Job> jobs = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                jobs.add(first);
                int events = first.events().size();
                long deadline = System.nanoTime() + lingerNanos;
                while (events < batchSize) {
                    Job next = queue.poll();
                    if (next == null) {
                        // Wait while events keep coming (a gap of an eighth of the linger ends it), up to the linger.
                        long left = Math.min(deadline - System.nanoTime(), lingerNanos / 8);
                        next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    }
                    if (next == null) {
                        break;
                    }
                    jobs.add(next);
                    events += next.events().size();
                }
                commit(jobs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // Whatever went wrong, no request is left waiting, and the writer goes on with the next batch.
                LOG.error("Event writer failed a batch", e);
                jobs.forEach(j -> j.done().completeExceptionally(e));
            } finally {
                jobs.clear();
            }
        }
    }

    private void commit(List<Job> jobs) {
        List<CollectedEvent> all = new ArrayList<>();
        jobs.forEach(j -> all.addAll(j.events()));
        try {
            List<Outcome> outcomes = insert(all);
            List<Job> committed = List.copyOf(jobs);
            completer.execute(() -> {
                int offset = 0;
                for (Job job : committed) {
                    job.done().complete(List.copyOf(outcomes.subList(offset, offset + job.events().size())));
                    offset += job.events().size();
                }
            });
        } catch (SQLException | RuntimeException batchFailure) {
            LOG.warn("A batch of {} events failed ({}); writing them one by one", all.size(), batchFailure.getMessage());
            for (Job job : jobs) {
                try {
                    job.done().complete(insert(job.events()));
                } catch (SQLException | RuntimeException e) {
                    job.done().completeExceptionally(e);
                }
            }
        }
    }

    private List<Outcome> insert(List<CollectedEvent> events) throws SQLException {
        if (!h2) {
            return insert(events, INSERT_POSTGRES);
        }
        try {
            return insert(events, INSERT_H2);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return insert(events, INSERT_H2_DEDUP);
        }
    }

    private List<Outcome> insert(List<CollectedEvent> events, String sql) throws SQLException {
        boolean dedup = sql.equals(INSERT_H2_DEDUP);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (CollectedEvent e : events) {
                    int next = bind(insert, e);
                    if (dedup) {
                        insert.setString(next, e.containerId());
                        insert.setString(next + 1, e.eventId());
                    }
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                List<Outcome> outcomes = new ArrayList<>(counts.length);
                List<CollectedEvent> stored = new ArrayList<>(counts.length);
                for (int i = 0; i < counts.length; i++) {
                    boolean isNew = stored(counts[i]);
                    outcomes.add(isNew ? Outcome.stored : Outcome.duplicate);
                    if (isNew) {
                        stored.add(events.get(i));
                    }
                }
                if (!stored.isEmpty()) {
                    for (StoredEventsFollowUp followUp : followUps) {
                        followUp.write(connection, stored);
                    }
                }
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean isUniqueViolation(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    /** Binds the row's columns; returns the next parameter index. */
    private static int bind(PreparedStatement s, CollectedEvent e) throws SQLException {
        int i = 1;
        s.setString(i++, e.id());
        s.setString(i++, e.containerId());
        s.setString(i++, e.eventId());
        s.setString(i++, e.eventName());
        s.setString(i++, e.channel());
        s.setTimestamp(i++, Timestamp.from(e.receivedAt()));
        setTime(s, i++, e.clientTime());
        s.setString(i++, e.pageUrl());
        s.setString(i++, e.referrer());
        s.setString(i++, e.userAgent());
        s.setString(i++, e.ip());
        s.setString(i++, e.visitorId());
        s.setBoolean(i++, e.analyticsGranted());
        s.setBoolean(i++, e.marketingGranted());
        s.setString(i++, e.consentSource());
        s.setBoolean(i++, e.gpcPage());
        s.setBoolean(i++, e.gpcHeader());
        s.setBoolean(i++, e.notForSale());
        if (e.machineOpen() == null) {
            s.setNull(i++, Types.BOOLEAN);
        } else {
            s.setBoolean(i++, e.machineOpen());
        }
        s.setString(i++, e.clickIds());
        s.setString(i++, e.params());
        s.setString(i++, e.emailSha256());
        s.setString(i++, e.phoneSha256());
        s.setString(i++, e.phoneE164Sha256());
        s.setString(i++, e.externalIdSha256());
        s.setString(i++, e.refusedVendors());
        return i;
    }

    private static void setTime(PreparedStatement s, int index, Instant time) throws SQLException {
        if (time == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(time));
        }
    }

    /** Stops taking events and writes what is queued before the database goes away. */
    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        completer.shutdown();
        completer.awaitTermination(10, TimeUnit.SECONDS);
        // Anything queued after the writer stopped is refused, not left hanging.
        Job left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new WriterBusyException());
        }
    }

    /** Statement.SUCCESS_NO_INFO (a driver that does not count rows) is taken as stored. */
    static boolean stored(int count) {
        return count > 0 || count == Statement.SUCCESS_NO_INFO;
    }
}
