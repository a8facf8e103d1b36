package io.tagwarden.forward;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the admin app reads and the two things it may do to a job: send a dead one again, or discard it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ForwardJobRepository extends GenericRepository<ForwardJob, String> {

    @Introspected
    @Serdeable
    record StatusCount(String vendor, String status, long jobs) {
    }

    Optional<ForwardJob> findByIdAndContainerId(String id, String containerId);

    List<ForwardJob> findByContainerIdAndStatusOrderByCreatedAtDesc(String containerId, String status, Pageable page);

    List<ForwardJob> findByContainerIdAndVendorAndStatusOrderByCreatedAtDesc(String containerId, String vendor, String status, Pageable page);

    List<ForwardJob> findByEventRef(String eventRef);

    @Query("select vendor, status, count(*) as jobs from forward_job where container_id = :containerId group by vendor, status")
    List<StatusCount> countByVendorAndStatus(String containerId);

    @Query("""
            update forward_job set status = 'pending', attempts = 0, next_attempt_at = :now, last_error = null, last_status = null,
              finished_at = null where id = :id and container_id = :containerId and status = 'dead'""")
    int retry(String id, String containerId, Instant now);

    @Query("""
            update forward_job set status = 'pending', attempts = 0, next_attempt_at = :now, last_error = null, last_status = null,
              finished_at = null where container_id = :containerId and vendor = :vendor and status = 'dead'""")
    int retryAll(String containerId, String vendor, Instant now);

    @Query("update forward_job set status = 'discarded', finished_at = :now where id = :id and container_id = :containerId and status = 'dead'")
    int discard(String id, String containerId, Instant now);
}
