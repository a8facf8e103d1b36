package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A publish or rollback: a note saying why, and who did it (until accounts exist, whoever the client says). */
@Serdeable
public record PublishRequest(@Nullable @Size(max = 1000) String note, @Nullable @Size(max = 100) String author) {

    String noteOr(String fallback) {
        return note == null || note.isBlank() ? fallback : note.strip();
    }

    String authorOrDefault() {
        return author == null || author.isBlank() ? "api" : author.strip();
    }
}
