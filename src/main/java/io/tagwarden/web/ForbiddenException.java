package io.tagwarden.web;

/** The signed-in user may not make this particular change (answered 403 with the message). */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
