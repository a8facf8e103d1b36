package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.util.Locale;

/**
 * Indexes for erasure by visitor id or email, on PostgreSQL only. On the embedded H2 store every commit rewrites the
 * index pages it touches, and these two are written at random places: ingest would pay for them on every event, for
 * a lookup an erasure request makes rarely (there it scans the container's events instead).
 */
public class V4_1__collected_event_lookups extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!database.contains("postgresql")) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("create index collected_event_visitor on collected_event (visitor_id)");
            s.execute("create index collected_event_email on collected_event (email_sha256)");
        }
    }
}
