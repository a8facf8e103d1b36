package io.tagwarden.scan;

/** Chromium or chromedriver is missing or does not start: no scan can run on this server. */
public final class BrowserUnavailableException extends RuntimeException {

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
