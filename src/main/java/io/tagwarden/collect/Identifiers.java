package io.tagwarden.collect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User identifiers normalized the way the vendors' conversion APIs expect, then SHA-256-hashed (lowercase hex):
 * email trimmed and lowercased; phone as E.164 digits with the country code, hashed twice because Meta and
 * Pinterest hash it without the {@code +} and Google and TikTok with it; external id trimmed. A value that already
 * is a SHA-256 hex digest is kept as it is (lowercased). The raw value is never returned.
 */
final class Identifiers {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    /** Both phone hashes: of the digits alone, and of {@code +} and the digits. */
    record PhoneHashes(String digits, String e164) {
    }

    private Identifiers() {
    }

    /** The hash of a normalized email, or empty when it is not an email address (or a SHA-256 digest). */
    static Optional<String> email(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (SHA256.matcher(value).matches()) {
            return Optional.of(value);
        }
        return EMAIL.matcher(value).matches() ? Optional.of(sha256(value)) : Optional.empty();
    }

    /**
     * A phone number in international form ({@code +44 20 7946 0958}, {@code 0044…}; spaces, dots, dashes and
     * brackets are ignored), or empty when it has no country code: the server cannot guess one.
     */
    static Optional<PhoneHashes> phone(String raw) {
        String compact = raw.strip().replaceAll("[\\s().\\-/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!E164.matcher(compact).matches()) {
            return Optional.empty();
        }
        String digits = compact.substring(1);
        return Optional.of(new PhoneHashes(sha256(digits), sha256(compact)));
    }

    static Optional<String> externalId(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SHA256.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : sha256(value));
    }

    static String sha256(String value) {
        return io.tagwarden.support.Sha256.hex(value);
    }
}
