package io.tagwarden.account;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Username and password sign-in for the pages (runs on the blocking executor: hashing takes ~140 ms). */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final AccountService accounts;

    PasswordAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> requestContext,
                                                        @NonNull AuthenticationRequest<String, String> authRequest) {
        return accounts.authenticate(authRequest.getIdentity(), authRequest.getSecret())
                .map(PasswordAuthenticationProvider::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    static AuthenticationResponse success(User user) {
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), Map.of("userId", user.id()));
    }
}
