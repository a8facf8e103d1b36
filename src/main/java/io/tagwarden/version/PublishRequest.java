package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A publish or rollback as the API takes it: a note saying why. The author is always the signed-in user. */
@Serdeable
public record PublishRequest(@Nullable @Size(max = 1000) String note) {

    String noteOr(String fallback) {
        return note == null || note.isBlank() ? fallback : note.strip();
    }
}
