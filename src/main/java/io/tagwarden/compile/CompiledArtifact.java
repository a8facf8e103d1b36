package io.tagwarden.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A container script ready to serve: its bytes, a gzip copy made once, the SHA-256 content hash (used as
 * the ETag) and the SHA-384 Subresource Integrity value for pinned {@code <script integrity>} tags.
 */
public record CompiledArtifact(byte[] bytes, byte[] gzipped, String contentHash, String sri) {

    public static CompiledArtifact of(byte[] bytes) {
        return new CompiledArtifact(bytes, gzip(bytes), HexFormat.of().formatHex(digest("SHA-256", bytes)),
                "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", bytes)));
    }

    public String etag() {
        return "\"" + contentHash.substring(0, 32) + "\"";
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
