package io.tagwarden.account;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** {@code Authorization: Bearer tw_…}: the JSON API's authentication, looked up off the event loop. */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final AccountService accounts;
    private final ExecutorService blocking;

    ApiTokenValidator(AccountService accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> accounts.userForToken(token)
                .map(u -> Authentication.build(u.username(), List.of(u.role().name()), Map.of("userId", u.id())))
                .orElse(null), blocking));
    }
}
