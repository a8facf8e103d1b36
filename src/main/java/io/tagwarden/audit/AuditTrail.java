package io.tagwarden.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records every change in the same transaction as the change itself (so there is no change without its entry, and
 * no entry for a change that was rolled back), chained by hash. The actor is the signed-in user of the request, or
 * {@code system} (start-up, scheduled jobs). {@link #verify()} recomputes the chain.
 */
@Singleton
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1_000;

    /** The outcome of checking the chain: how many entries were checked and the first one that does not match. */
    @Serdeable
    public record Verification(boolean intact, long entries, @Nullable Long firstBrokenId, @Nullable String problem) {
    }

    private final AuditRepository entries;
    private final Provider<SecurityService> security;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditRepository entries, Provider<SecurityService> security, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.security = security;
        this.json = json;
        this.clock = clock;
    }

    /** Appends one entry; {@code before} and {@code after} are written as JSON (null when there is none). */
    @Transactional
    public AuditEntry record(String kind, @Nullable String containerId, String subject, @Nullable Object before, @Nullable Object after) {
        String previous = entries.lockHead();
        AuditEntry draft = new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor(), kind, containerId,
                subject.length() > 200 ? subject.substring(0, 200) : subject, write(before), write(after), previous, "");
        AuditEntry entry = new AuditEntry(null, draft.at(), draft.actor(), kind, containerId, draft.subject(), draft.beforeJson(),
                draft.afterJson(), previous, sha256(draft.hashedText()));
        AuditEntry saved = entries.save(entry);
        entries.moveHead(saved.hash());
        return saved;
    }

    @Transactional
    public List<AuditEntry> search(@Nullable String containerId, @Nullable String actor, @Nullable String kind, Instant from, Instant to,
                                   int limit) {
        return entries.search(blankToNull(containerId), blankToNull(actor), blankToNull(kind), from, to, limit);
    }

    /**
     * Walks the chain in order up to the head as it is when verification starts (entries appended meanwhile are left
     * for the next check): each entry must point at the previous one's hash and match its own.
     */
    @Transactional
    public Verification verify() {
        String head = entries.head();
        String expectedPrevious = GENESIS;
        long checked = 0;
        long after = 0;
        List<AuditEntry> page;
        do {
            page = entries.chainAfter(after, PAGE);
            for (AuditEntry e : page) {
                if (expectedPrevious.equals(head)) {
                    return new Verification(true, checked, null, null);
                }
                if (!e.prevHash().equals(expectedPrevious)) {
                    return new Verification(false, checked, e.id(), "does not follow the entry before it (an entry was removed or reordered)");
                }
                if (!sha256(e.hashedText()).equals(e.hash())) {
                    return new Verification(false, checked, e.id(), "its content does not match its hash (it was changed)");
                }
                expectedPrevious = e.hash();
                checked++;
                after = e.id();
            }
        } while (page.size() == PAGE);
        if (!head.equals(expectedPrevious)) {
            return new Verification(false, checked, null, "the newest entries are missing (the chain ends before its recorded head)");
        }
        return new Verification(true, checked, null, null);
    }

    /** The signed-in user of the current request, or {@code system} (start-up, scheduled jobs). */
    public String actor() {
        try {
            return security.get().username().orElse("system");
        } catch (RuntimeException e) {
            return "system";
        }
    }

    private @Nullable String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(String text) {
        return io.tagwarden.support.Sha256.hex(text);
    }
}
