package io.tagwarden.forward;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface VendorCredentialRepository extends CrudRepository<VendorCredential, String> {

    List<VendorCredential> findByContainerId(String containerId);
}
