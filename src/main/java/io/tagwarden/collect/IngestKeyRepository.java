package io.tagwarden.collect;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IngestKeyRepository extends CrudRepository<IngestKey, String> {

    Optional<IngestKey> findByKeyHash(String keyHash);
}
