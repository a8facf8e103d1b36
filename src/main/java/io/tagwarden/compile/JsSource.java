package io.tagwarden.compile;

/** One JavaScript file handed to the compiler: its module path (for imports) and its code. */
public record JsSource(String path, String code) {
}
