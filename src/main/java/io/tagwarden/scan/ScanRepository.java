package io.tagwarden.scan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Scan reports are inserted and read; nothing updates or deletes one (deleting the container deletes them). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScanRepository extends GenericRepository<ScanRecord, Long> {

    ScanRecord save(ScanRecord scan);

    Optional<ScanRecord> findByIdAndContainerIdAndVersionNumber(long id, String containerId, int versionNumber);

    List<ScanSummary> findByContainerIdAndVersionNumberOrderByIdDesc(String containerId, int versionNumber);
}
