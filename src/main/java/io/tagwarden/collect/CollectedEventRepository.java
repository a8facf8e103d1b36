package io.tagwarden.collect;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/** Reads of stored events (they are written by {@link EventWriter}, in batches). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CollectedEventRepository extends GenericRepository<CollectedEvent, String> {

    @Query(value = """
            select * from collected_event
            where container_id = :containerId
              and (received_at < :before or (cast(:beforeId as varchar) is not null and received_at = :before and id < :beforeId))
              and (cast(:eventName as varchar) is null or event_name = :eventName)
              and (cast(:channel as varchar) is null or channel = :channel)
            order by received_at desc, id desc limit :limit""")
    List<CollectedEvent> newest(String containerId, Instant before, @io.micronaut.core.annotation.Nullable String beforeId,
                                @io.micronaut.core.annotation.Nullable String eventName,
                                @io.micronaut.core.annotation.Nullable String channel, int limit);

    long countByContainerId(String containerId);

    /** Ids of at most {@code limit} of the container's events received before {@code cutoff}. */
    @Query(value = "select id from collected_event where container_id = :containerId and received_at < :cutoff limit :limit")
    List<String> expired(String containerId, Instant cutoff, int limit);

    int deleteByIdIn(java.util.Collection<String> ids);

    @Transactional
    @Query(value = "delete from collected_event where container_id = :containerId and visitor_id = :visitorId")
    int deleteByVisitor(String containerId, String visitorId);

    @Transactional
    @Query(value = "delete from collected_event where container_id = :containerId and email_sha256 = :emailSha256")
    int deleteByEmail(String containerId, String emailSha256);
}
