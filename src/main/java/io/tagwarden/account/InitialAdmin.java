package io.tagwarden.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;

/**
 * On the first start (no user yet) creates the administrator {@code admin}. Its password comes from
 * {@code tagwarden.admin.initial-password} (environment TAGWARDEN_ADMIN_INITIAL_PASSWORD) or, when unset, is
 * generated and printed once in the log.
 */
@Singleton
class InitialAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountService accounts;
    private final String configuredPassword;

    InitialAdmin(AccountService accounts, @Nullable @Value("${tagwarden.admin.initial-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.hasUsers()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        accounts.create(new UserRequest("admin", Role.ADMIN, password));
        if (generated) {
            LOG.warn("Created the first administrator. Sign in at /login as 'admin' with password: {}  "
                    + "(shown once; set TAGWARDEN_ADMIN_INITIAL_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created the first administrator 'admin' with the configured initial password");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
