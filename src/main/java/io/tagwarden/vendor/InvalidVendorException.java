package io.tagwarden.vendor;

/** A vendor folder that cannot be used; startup stops with this message. */
public final class InvalidVendorException extends RuntimeException {

    public InvalidVendorException(String where, String problem) {
        super("Invalid vendor in " + where + ": " + problem);
    }
}
