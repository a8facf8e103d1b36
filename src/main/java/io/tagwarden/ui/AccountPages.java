package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.tagwarden.account.AccountService;
import io.tagwarden.account.IssuedToken;
import io.tagwarden.account.Principal;

import java.util.Map;

/** The signed-in user's API tokens: create (shown once), list, revoke. */
@Controller("/account")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class AccountPages {

    private final AccountService accounts;

    AccountPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    HttpResponse<?> page(Authentication auth, @Nullable @QueryValue String done) {
        return Pages.view("account/tokens", Pages.model("tokens", accounts.tokensOf(Principal.userId(auth)), "issued", null,
                "flash", Flash.message(done), "error", null));
    }

    @Post("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(Authentication auth, @Body Map<String, String> form) {
        String name = form.getOrDefault("name", "").strip();
        long userId = Principal.userId(auth);
        if (name.isEmpty() || name.length() > 100) {
            return Pages.invalid("account/tokens", Pages.model("tokens", accounts.tokensOf(userId), "issued", null,
                    "flash", null, "error", "Give the token a name of 1 to 100 characters, such as “CI deploys”."));
        }
        IssuedToken issued = accounts.issueToken(userId, name);
        return Pages.view("account/tokens", Pages.model("tokens", accounts.tokensOf(userId), "issued", issued,
                "flash", null, "error", null)).header("Cache-Control", "no-store");
    }

    @Post("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(Authentication auth, long id) {
        accounts.revokeToken(Principal.userId(auth), id);
        return Pages.seeOther("/account?done=token-revoked");
    }
}
