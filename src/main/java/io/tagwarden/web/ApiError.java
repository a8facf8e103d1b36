package io.tagwarden.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of every API error: a sentence for people, and the fields at fault for programs. */
@Serdeable
public record ApiError(int status, String message, List<FieldError> errors) {
}
