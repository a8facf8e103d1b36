package io.tagwarden.collect;

import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.web.FieldError;

import java.util.List;

/**
 * The answer to a batch in which some events were refused: how many were stored, how many were already stored
 * (same event_id), and which were refused (their index in the batch) and why. Nothing refused is stored;
 * everything counted as accepted is.
 */
@Serdeable
record CollectResult(int status, String message, int accepted, int duplicates, List<Rejected> rejected) {

    @Serdeable
    record Rejected(int index, List<FieldError> errors) {
    }
}
