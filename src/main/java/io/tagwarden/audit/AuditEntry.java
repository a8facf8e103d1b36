package io.tagwarden.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One change: when, who, what kind, in which container, on what, and the state before and after (JSON; for
 * credentials only the fact and a prefix, never the secret). {@code hash} covers all of it and {@code prevHash}.
 */
@MappedEntity("audit_entry")
@Serdeable
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        String actor,
        String kind,
        @Nullable String containerId,
        String subject,
        @Nullable String beforeJson,
        @Nullable String afterJson,
        String prevHash,
        String hash) {

    /** The text the hash is taken over: every field but the id, in a fixed order, with the previous hash. */
    String hashedText() {
        return String.join("\u001f", prevHash, at.toString(), actor, kind, String.valueOf(containerId), subject,
                String.valueOf(beforeJson), String.valueOf(afterJson));
    }
}
