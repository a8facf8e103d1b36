package io.tagwarden.collect;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A container's server-to-server ingest key: only its SHA-256 hash and first characters are stored. */
@MappedEntity("ingest_key")
public record IngestKey(@Id String containerId, String keyHash, String prefix, Instant createdAt) {
}
