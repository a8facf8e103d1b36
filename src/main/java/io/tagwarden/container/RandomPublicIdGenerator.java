package io.tagwarden.container;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L): 31^8 ≈ 8.5e11 ids, so ids are
 * not guessable by enumeration, and short enough to read out loud.
 */
@Singleton
class RandomPublicIdGenerator implements PublicIdGenerator {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 8;
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next() {
        StringBuilder id = new StringBuilder("TW-");
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
