package io.tagwarden.forward;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forwarding jobs per UTC day (of the event's arrival) by outcome, of one vendor or all, for the Forwarding page's
 * chart; days without jobs are zeros.
 */
@Singleton
class ForwardStats {

    @Serdeable
    record Day(LocalDate day, long delivered, long pending, long failed) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    ForwardStats(DataSource dataSource, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    /** {@code vendor} null: every vendor's jobs. */
    List<Day> daily(String containerId, int days, @io.micronaut.core.annotation.Nullable String vendor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new long[3]);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select cast(created_at at time zone 'UTC' as date),
                  sum(case when status = 'delivered' then 1 else 0 end),
                  sum(case when status in ('pending', 'sending') then 1 else 0 end),
                  sum(case when status in ('dead', 'discarded') then 1 else 0 end)
                from forward_job where container_id = ? and created_at >= ? and (cast(? as varchar) is null or vendor = ?)
                group by cast(created_at at time zone 'UTC' as date)""")) {
            s.setString(1, containerId);
            s.setTimestamp(2, Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()));
            s.setString(3, vendor);
            s.setString(4, vendor);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] row = byDay.get(rs.getObject(1, LocalDate.class));
                    if (row != null) {
                        row[0] = rs.getLong(2);
                        row[1] = rs.getLong(3);
                        row[2] = rs.getLong(4);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read forwarding counts of " + containerId, e);
        }
        List<Day> result = new ArrayList<>();
        byDay.forEach((day, n) -> result.add(new Day(day, n[0], n[1], n[2])));
        return result;
    }
}
