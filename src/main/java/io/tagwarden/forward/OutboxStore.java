package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.tagwarden.collect.CollectedEvent;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's sending half, in the database: claiming due jobs and recording what became of them. A claim is
 * {@code SELECT … FOR UPDATE SKIP LOCKED} plus an {@code UPDATE} that sets a lease, in one transaction, so two
 * instances never hold the same job, and a job whose lease ran out (its instance died mid-send) is due again. Results
 * are written only by the lease holder: a worker that lost its lease cannot overwrite the new holder's outcome.
 */
@Singleton
class OutboxStore {

    private static final String DUE = """
            select id from forward_job
            where (status = 'pending' and next_attempt_at <= ?) or (status = 'sending' and lease_until < ?)
            order by next_attempt_at limit ? for update skip locked""";
    private static final String LEASE = """
            update forward_job set status = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1 where id = ?""";
    private static final String LOAD = """
            select j.id, j.vendor, j.tag_id, j.vendor_event, j.settings, j.attempts, e.id, e.container_id, e.event_id, e.event_name,
              e.channel, e.received_at, e.client_time, e.page_url, e.referrer, e.user_agent, e.ip, e.visitor_id, e.analytics_granted,
              e.marketing_granted, e.consent_source, e.gpc_page, e.gpc_header, e.not_for_sale, e.machine_open, e.click_ids, e.params,
              e.email_sha256, e.phone_sha256, e.phone_e164_sha256, e.external_id_sha256, e.refused_vendors
            from forward_job j join collected_event e on e.id = j.event_ref where j.id in (%s)""";
    private static final String FINISH = """
            update forward_job set status = ?, last_status = ?, last_error = ?, finished_at = ?, lease_until = null
            where id = ? and lease_owner = ? and status = 'sending'""";
    private static final String AGAIN = """
            update forward_job set status = 'pending', last_status = ?, last_error = ?, next_attempt_at = ?, lease_owner = null,
              lease_until = null where id = ? and lease_owner = ? and status = 'sending'""";

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    List<ClaimedJob> claim(String owner, Instant now, Instant leaseUntil, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement due = c.prepareStatement(DUE)) {
                    due.setTimestamp(1, Timestamp.from(now));
                    due.setTimestamp(2, Timestamp.from(now));
                    due.setInt(3, limit);
                    try (ResultSet rs = due.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement lease = c.prepareStatement(LEASE)) {
                        for (String id : ids) {
                            lease.setString(1, owner);
                            lease.setTimestamp(2, Timestamp.from(leaseUntil));
                            lease.setString(3, id);
                            lease.addBatch();
                        }
                        lease.executeBatch();
                    }
                }
                List<ClaimedJob> jobs = new ArrayList<>(ids.size());
                if (!ids.isEmpty()) {
                    try (PreparedStatement load = c.prepareStatement(LOAD.formatted(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))))) {
                        for (int i = 0; i < ids.size(); i++) {
                            load.setString(i + 1, ids.get(i));
                        }
                        try (ResultSet rs = load.executeQuery()) {
                            while (rs.next()) {
                                jobs.add(read(rs));
                            }
                        }
                    }
                }
                c.commit();
                return jobs;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * What became of one claimed job: final ({@code delivered}, {@code dead}; the job keeps {@code lease_owner}, the
     * instance that finished it), or back to {@code pending} due at {@code next}.
     */
    record Result(String jobId, String status, @Nullable Integer httpStatus, @Nullable String error, @Nullable Instant next) {
    }

    /**
     * Records the outcomes of a claimed batch in one transaction (one commit for many jobs). Only the lease holder's
     * results count: a job whose lease another instance has taken over is left to it.
     */
    void record(String owner, List<Result> results, Instant now) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement finish = c.prepareStatement(FINISH); PreparedStatement again = c.prepareStatement(AGAIN)) {
                for (Result r : results) {
                    if (r.next() == null) {
                        finish.setString(1, r.status());
                        setInt(finish, 2, r.httpStatus());
                        finish.setString(3, clip(r.error()));
                        finish.setTimestamp(4, Timestamp.from(now));
                        finish.setString(5, r.jobId());
                        finish.setString(6, owner);
                        finish.addBatch();
                    } else {
                        setInt(again, 1, r.httpStatus());
                        again.setString(2, clip(r.error()));
                        again.setTimestamp(3, Timestamp.from(r.next()));
                        again.setString(4, r.jobId());
                        again.setString(5, owner);
                        again.addBatch();
                    }
                }
                finish.executeBatch();
                again.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The vendor's error as stored: at most 2,000 characters (the column's size). */
    static @Nullable String clip(@Nullable String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
    }

    private static void setInt(PreparedStatement s, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static ClaimedJob read(ResultSet rs) throws SQLException {
        CollectedEvent e = new CollectedEvent(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                instant(rs, 12), instant(rs, 13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getBoolean(19), rs.getBoolean(20), rs.getString(21), rs.getBoolean(22), rs.getBoolean(23),
                rs.getBoolean(24), (Boolean) rs.getObject(25), rs.getString(26), rs.getString(27), rs.getString(28), rs.getString(29),
                rs.getString(30), rs.getString(31), rs.getString(32));
        return new ClaimedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), e);
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        Timestamp t = rs.getTimestamp(index);
        return t == null ? null : t.toInstant();
    }
}
