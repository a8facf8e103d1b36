package io.tagwarden.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.util.List;

/** JSON API for users: admins only. */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
class UserController {

    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @Post
    HttpResponse<UserView> create(@Body @Valid UserRequest request) {
        User user = accounts.create(request);
        return HttpResponse.created(UserView.of(user), URI.create("/api/users/" + user.id()));
    }

    @Get("/{id}")
    UserView show(long id) {
        return UserView.of(accounts.get(id));
    }

    @Serdeable
    record RoleChange(@NotBlank @Pattern(regexp = "admin|editor|reviewer", message = "must be admin, editor or reviewer") String role) {
    }

    @Put("/{id}/role")
    UserView changeRole(long id, @Body @Valid RoleChange change) {
        return UserView.of(accounts.changeRole(id, Role.valueOf(change.role())));
    }

    @Serdeable
    record PasswordReset(@NotBlank String password) {
    }

    @Post("/{id}/password")
    HttpResponse<?> resetPassword(long id, @Body @Valid PasswordReset reset) {
        accounts.setPassword(id, reset.password());
        return HttpResponse.noContent();
    }

    @Post("/{id}/deactivate")
    UserView deactivate(long id) {
        return UserView.of(accounts.setActive(id, false));
    }

    @Post("/{id}/activate")
    UserView activate(long id) {
        return UserView.of(accounts.setActive(id, true));
    }
}
