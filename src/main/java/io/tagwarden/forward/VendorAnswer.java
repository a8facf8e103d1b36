package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** How a vendor's answer is taken: delivered, worth another try (optionally not before a delay), or rejected for good. */
public record VendorAnswer(Verdict verdict, String message, @Nullable Duration retryAfter) {

    public enum Verdict { delivered, retry, rejected }

    public static VendorAnswer delivered(String message) {
        return new VendorAnswer(Verdict.delivered, message, null);
    }

    public static VendorAnswer retry(String message, @Nullable Duration after) {
        return new VendorAnswer(Verdict.retry, message, after);
    }

    public static VendorAnswer rejected(String message) {
        return new VendorAnswer(Verdict.rejected, message, null);
    }
}
