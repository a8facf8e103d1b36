package io.tagwarden.audit;

import io.micronaut.core.annotation.Nullable;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Filters of the audit trail as the API and the page take them: dates are UTC days, {@code to} included. */
public record AuditQuery(@Nullable String container, @Nullable String user, @Nullable String kind, Instant from, Instant to, int limit) {

    static final int MAX = 10_000;

    public static AuditQuery of(@Nullable String container, @Nullable String user, @Nullable String kind, @Nullable String from,
                         @Nullable String to, @Nullable Integer limit) {
        int n = limit == null ? 500 : limit;
        if (n < 1 || n > MAX) {
            throw new InvalidInputException(List.of(new FieldError("limit", "must be between 1 and " + MAX)));
        }
        return new AuditQuery(container, user, kind, day(from, "from", Instant.EPOCH, false), day(to, "to", Instant.parse("9999-01-01T00:00:00Z"), true), n);
    }

    private static Instant day(@Nullable String value, String field, Instant otherwise, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldError(field, "must be a date such as 2026-12-04")));
        }
    }

    public List<AuditEntry> run(AuditTrail trail) {
        return trail.search(container, user, kind, from, to, limit);
    }
}
