package io.tagwarden.version;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Versions are only ever inserted and read: this repository has no update and no delete. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VersionRepository extends GenericRepository<ContainerVersion, Long> {

    ContainerVersion save(ContainerVersion version);

    Optional<ContainerVersion> findByContainerIdAndNumber(String containerId, int number);

    @Query("select max(number) from container_version where container_id = :containerId")
    Optional<Integer> findLatestNumber(String containerId);

    List<VersionSummary> findByContainerIdOrderByNumberDesc(String containerId);
}
