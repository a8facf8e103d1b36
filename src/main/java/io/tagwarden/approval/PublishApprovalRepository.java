package io.tagwarden.approval;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublishApprovalRepository extends CrudRepository<PublishApproval, Long> {

    Optional<PublishApproval> findFirstByContainerIdOrderByIdDesc(String containerId);

    List<PublishApproval> findByStatusOrderByIdAsc(String status);

    List<PublishApproval> findByContainerIdAndStatus(String containerId, String status);
}
