package io.tagwarden.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as pages show them: minutes, in UTC, said so. */
final class UtcTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
