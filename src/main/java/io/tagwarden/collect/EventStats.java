package io.tagwarden.collect;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for a container's reports, per UTC day over the last {@code days} days: events by consent outcome (marketing
 * granted, analytics only, neither; GPC on), events by name, and email opens, human and machine. Days without events
 * are listed with zeros so charts and tables line up.
 */
@Singleton
public class EventStats {

    /** One day's events by consent outcome (page and backend events; pixel opens are counted apart). */
    @Serdeable
    public record ConsentDay(LocalDate day, long total, long marketing, long analyticsOnly, long neither, long gpc) {
    }

    @Serdeable
    public record OpensDay(LocalDate day, long human, long machine) {
    }

    @Serdeable
    public record NameCount(String name, long count) {
    }

    @Serdeable
    public record Report(List<ConsentDay> consent, List<OpensDay> opens, List<NameCount> names) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    EventStats(DataSource dataSource, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    public Report report(String containerId, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, long[]> consent = new LinkedHashMap<>();
        Map<LocalDate, long[]> opens = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            consent.put(d, new long[5]);
            opens.put(d, new long[2]);
        }
        List<NameCount> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            query(c, """
                    select cast(received_at at time zone 'UTC' as date) as d, count(*),
                      sum(case when marketing_granted then 1 else 0 end),
                      sum(case when analytics_granted and not marketing_granted then 1 else 0 end),
                      sum(case when not analytics_granted and not marketing_granted then 1 else 0 end),
                      sum(case when not_for_sale then 1 else 0 end)
                    from collected_event where container_id = ? and received_at >= ? and channel <> 'pixel'
                    group by cast(received_at at time zone 'UTC' as date)""", containerId, since, rs -> {
                long[] row = consent.get(rs.getObject(1, LocalDate.class));
                if (row != null) {
                    for (int i = 0; i < 5; i++) {
                        row[i] = rs.getLong(i + 2);
                    }
                }
            });
            query(c, """
                    select cast(received_at at time zone 'UTC' as date) as d,
                      sum(case when machine_open then 0 else 1 end), sum(case when machine_open then 1 else 0 end)
                    from collected_event where container_id = ? and received_at >= ? and channel = 'pixel' and event_name = 'email_open'
                    group by cast(received_at at time zone 'UTC' as date)""", containerId, since, rs -> {
                long[] row = opens.get(rs.getObject(1, LocalDate.class));
                if (row != null) {
                    row[0] = rs.getLong(2);
                    row[1] = rs.getLong(3);
                }
            });
            query(c, """
                    select event_name, count(*) from collected_event where container_id = ? and received_at >= ?
                    group by event_name order by count(*) desc, event_name limit 50""", containerId, since,
                    rs -> names.add(new NameCount(rs.getString(1), rs.getLong(2))));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read event counts of " + containerId, e);
        }
        return new Report(
                consent.entrySet().stream().map(e -> new ConsentDay(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3], e.getValue()[4])).toList(),
                opens.entrySet().stream().map(e -> new OpensDay(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                names);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String containerId, Instant since, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, containerId);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

}
