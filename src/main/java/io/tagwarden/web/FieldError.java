package io.tagwarden.web;

import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with a request: the field (a JSON path such as {@code settings.pixelId}) and why. */
@Serdeable
public record FieldError(String field, String message) {
}
