package io.tagwarden.web;

/** A container, tag or version that does not exist; answered with 404 and this message. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
