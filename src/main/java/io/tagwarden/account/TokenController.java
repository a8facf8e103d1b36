package io.tagwarden.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.web.ApiError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * API tokens. {@code POST /api/tokens} with a username and password issues one (the way a script signs
 * in); a signed-in user lists and revokes their own under {@code /api/me/tokens}.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {

    private final AccountService accounts;

    TokenController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Serdeable
    record TokenRequest(@NotBlank String username, @NotBlank String password,
                        @NotBlank @Size(max = 100) String name) {
    }

    @Post("/tokens")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> issue(@Body @Valid TokenRequest request) {
        return accounts.authenticate(request.username(), request.password())
                .<HttpResponse<?>>map(user -> HttpResponse.created(accounts.issueToken(user.id(), request.name().strip())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .body(new ApiError(401, "Unknown username or wrong password", List.of())));
    }

    @Post("/me/tokens")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<IssuedToken> issueForMe(Authentication auth, @Body @Valid NamedToken request) {
        return HttpResponse.created(accounts.issueToken(Principal.userId(auth), request.name().strip()));
    }

    @Serdeable
    record NamedToken(@NotBlank @Size(max = 100) String name) {
    }

    @Get("/me/tokens")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<TokenView> mine(Authentication auth) {
        return accounts.tokensOf(Principal.userId(auth)).stream().map(TokenView::of).toList();
    }

    @Delete("/me/tokens/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void revoke(Authentication auth, long id) {
        accounts.revokeToken(Principal.userId(auth), id);
    }
}
