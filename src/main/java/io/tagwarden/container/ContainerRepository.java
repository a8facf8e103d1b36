package io.tagwarden.container;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** Compiled for PostgreSQL; H2 runs in PostgreSQL mode so the same SQL serves both. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContainerRepository extends CrudRepository<Container, String> {

    List<Container> findAllOrderByName();
}
