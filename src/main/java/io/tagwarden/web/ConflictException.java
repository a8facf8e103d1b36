package io.tagwarden.web;

/** A request that is well-formed but cannot apply to the current state; answered with 409. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
