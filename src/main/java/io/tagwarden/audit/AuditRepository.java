package io.tagwarden.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail's only ways in and out: append and read. There is deliberately no update and no delete
 * (AuditTrailTest proves it), and no API route changes an entry.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    @Query(value = """
            select * from audit_entry
            where (cast(:containerId as varchar) is null or container_id = :containerId)
              and (cast(:actor as varchar) is null or actor = :actor)
              and (cast(:kind as varchar) is null or kind = :kind)
              and at >= :from and at < :to
            order by id desc limit :limit""")
    List<AuditEntry> search(@Nullable String containerId, @Nullable String actor, @Nullable String kind, Instant from, Instant to,
                            int limit);

    /** Entries after {@code afterId} in chain order, for verification in pages. */
    @Query(value = "select * from audit_entry where id > :afterId order by id limit :limit")
    List<AuditEntry> chainAfter(long afterId, int limit);

    @Query(value = "select last_hash from audit_head where id = 1")
    String head();

    @Query(value = "select last_hash from audit_head where id = 1 for update")
    String lockHead();

    @Query(value = "update audit_head set last_hash = :hash where id = 1")
    void moveHead(String hash);
}
