package io.tagwarden.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), stored as a PHC string, about 140 ms a hash.
 * Unknown users are checked against a dummy hash so the answer takes as long as for a real one.
 */
@Singleton
public class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private final String dummyHash = hash("tagwarden-dummy-password");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2);
    }

    /** Spends the time of one check without a user, so a response does not tell whether a user exists. */
    public void burnTime(String password) {
        matches(password, dummyHash);
    }
}
