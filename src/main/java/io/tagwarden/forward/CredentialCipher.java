package io.tagwarden.forward;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals vendor credentials at rest with AES-256-GCM. The key is {@code tagwarden.forward.credentials-key} (base64 of 32
 * bytes, e.g. {@code openssl rand -base64 32}); without one, a key file {@code <data-dir>/credentials.key} (owner-only)
 * is created on first start, which suits one embedded instance — several instances must share a configured key. The
 * sealed text is {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}; the container and vendor are authenticated with it
 * (associated data), so a sealed value copied to another row does not open.
 */
@Singleton
class CredentialCipher {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCipher.class);
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(ForwardConfiguration config, @Value("${tagwarden.data-dir:./data}") String dataDir,
                     @Value("${datasources.default.url:}") String databaseUrl) {
        if ((config.credentialsKey() == null || config.credentialsKey().isBlank()) && !databaseUrl.startsWith("jdbc:h2:")) {
            // Several instances share a server database: a key file per instance would seal credentials the others cannot open.
            throw new IllegalStateException("Set tagwarden.forward.credentials-key (TAGWARDEN_CREDENTIALS_KEY, base64 of 32 random bytes: "
                    + "`openssl rand -base64 32`), the same on every instance: it seals the vendor credentials");
        }
        this.key = new SecretKeySpec(keyBytes(config.credentialsKey(), Path.of(dataDir, "credentials.key")), "AES");
    }

    String seal(String containerId, String vendor, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated(containerId, vendor));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws CredentialsUnreadableException when the value was sealed with another key or altered */
    String open(String containerId, String vendor, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new CredentialsUnreadableException("unknown credentials format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associated(containerId, vendor));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new CredentialsUnreadableException("the credentials do not open with this server's key (was the key changed?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associated(String containerId, String vendor) {
        return (containerId + "/" + vendor).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyBytes(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "tagwarden.forward.credentials-key");
        }
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).strip(), keyFile.toString());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the directory's permissions
            }
            LOG.warn("Created {} to seal vendor credentials. Back it up; with several instances set "
                    + "TAGWARDEN_CREDENTIALS_KEY (the same on all) instead.", keyFile.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credentials key " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64: generate one with `openssl rand -base64 32`");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return bytes;
    }

    static final class CredentialsUnreadableException extends RuntimeException {
        CredentialsUnreadableException(String message) {
            super(message);
        }
    }
}
