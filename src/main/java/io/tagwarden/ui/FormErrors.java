package io.tagwarden.ui;

import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a form's action and turns every validation failure (Jakarta constraints on the request record, or a
 * domain rule) into field → message, so the page can show each message next to its field.
 */
@Singleton
class FormErrors {

    private final Validator validator;

    FormErrors(Validator validator) {
        this.validator = validator;
    }

    /** Validates the request, then runs the action; returns the errors, empty when it succeeded. */
    <T> Map<String, String> attempt(Object request, Supplier<T> action) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!violations.isEmpty()) {
            violations.forEach(v -> errors.putIfAbsent(fieldOf(v.getPropertyPath().toString()), v.getMessage()));
            return errors;
        }
        try {
            action.get();
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        }
        return errors;
    }

    static Map<String, String> of(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(f -> map.putIfAbsent(f.field(), f.message()));
        return map;
    }

    /** {@code allowedOrigins[1].<list element>} → {@code allowedOrigins}; {@code trigger.url} stays. */
    private static String fieldOf(String path) {
        String field = path.replaceAll("\\[[0-9]*]", "").replace(".<list element>", "").replace(".<map value>", "");
        return field.replaceAll("\\.<[^>]+>", "");
    }
}
