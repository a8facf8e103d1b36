package io.tagwarden.tag;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TagRepository extends CrudRepository<Tag, Long> {

    List<Tag> findByContainerIdOrderById(String containerId);

    Optional<Tag> findByIdAndContainerId(Long id, String containerId);
}
