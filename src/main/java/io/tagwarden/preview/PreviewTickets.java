package io.tagwarden.preview;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, short-lived preview tickets. The preview runs in a sandboxed frame with an opaque origin (vendors'
 * code never runs with the admin app's cookies), so the frame cannot use the session: the ticket, HMAC-signed
 * with a key from configuration, says which draft it may load. Stateless, so any instance can answer it.
 */
@Singleton
class PreviewTickets {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    PreviewTickets(@Value("${tagwarden.preview.signing-key}") String key,
                   @Value("${tagwarden.preview.lifetime:1h}") Duration lifetime, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue(String containerId, String pageUrl) {
        String payload = containerId + "\n" + clock.instant().plus(lifetime).getEpochSecond() + "\n" + pageUrl;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The ticket's content when its signature is right and it has not expired; empty otherwise. */
    Optional<PreviewTicket> verify(String ticket) {
        if (ticket == null || ticket.length() > 4000) {
            return Optional.empty();
        }
        int dot = ticket.indexOf('.');
        try {
            byte[] payload = DECODER.decode(ticket.substring(0, Math.max(dot, 0)));
            byte[] signature = DECODER.decode(ticket.substring(dot + 1));
            if (dot < 0 || !MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 3);
            PreviewTicket parsed = new PreviewTicket(parts[0], parts[2], java.time.Instant.ofEpochSecond(Long.parseLong(parts[1])));
            return parsed.expiresAt().isAfter(clock.instant()) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
