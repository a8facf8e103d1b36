package io.tagwarden.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.Comparator;
import java.util.List;

/**
 * Turns domain and validation exceptions into {@link ApiError} bodies with the right status. Outside the JSON
 * API (pages), the same errors go to Micronaut's error response processing, which shows browsers the error page.
 */
@Factory
class ApiExceptionHandlers {

    private final ErrorResponseProcessor<?> pages;

    ApiExceptionHandlers(ErrorResponseProcessor<?> pages) {
        this.pages = pages;
    }

    @Singleton
    ExceptionHandler<InvalidInputException, HttpResponse<ApiError>> invalidInput() {
        return (request, e) -> respond(request, e, HttpResponse.badRequest(), e.getMessage(), e.errors());
    }

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<ApiError>> notFound() {
        return (request, e) -> respond(request, e, HttpResponse.notFound(), e.getMessage(), List.of());
    }

    @Singleton
    ExceptionHandler<ForbiddenException, HttpResponse<ApiError>> forbidden() {
        return (request, e) -> respond(request, e, HttpResponse.status(HttpStatus.FORBIDDEN), e.getMessage(), List.of());
    }

    @Singleton
    ExceptionHandler<ConflictException, HttpResponse<ApiError>> conflict() {
        return (request, e) -> respond(request, e, HttpResponse.status(HttpStatus.CONFLICT), e.getMessage(), List.of());
    }

    @Singleton
    @io.micronaut.context.annotation.Replaces(io.micronaut.validation.exceptions.ConstraintExceptionHandler.class)
    ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> constraintViolation() {
        return (HttpRequest request, ConstraintViolationException e) -> {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return respond(request, e, HttpResponse.badRequest(), new InvalidInputException(errors).getMessage(), errors);
        };
    }

    /** A body that is not valid JSON, or a value of the wrong type: still an {@link ApiError}. */
    @Singleton
    @io.micronaut.context.annotation.Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    ExceptionHandler<io.micronaut.core.convert.exceptions.ConversionErrorException, HttpResponse<ApiError>> conversionError() {
        return (request, e) -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String detail = String.valueOf(cause.getMessage()).split("\n")[0];
            return respond(request, e, HttpResponse.badRequest(), "The request body could not be read: " + detail,
                    List.of(new FieldError("body", detail)));
        };
    }

    /** Drops the method and parameter prefix ({@code create.request.name} → {@code name}). */
    static String fieldPath(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    @SuppressWarnings("unchecked")
    private MutableHttpResponse<ApiError> respond(HttpRequest<?> request, Throwable cause, MutableHttpResponse<?> response,
                                                  String message, List<FieldError> errors) {
        if (!request.getPath().startsWith("/api/")) {
            return (MutableHttpResponse<ApiError>) pages.processResponse(ErrorContext.builder(request).cause(cause)
                    .errorMessage(message).build(), response);
        }
        return response.body(new ApiError(response.status().getCode(), message, errors)).contentType("application/json");
    }
}
