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
import io.tagwarden.account.AccountService;
import io.tagwarden.account.Role;
import io.tagwarden.account.UserRequest;
import io.tagwarden.web.ConflictException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** User management pages: admins only. */
@Controller("/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
class UserPages {

    private final AccountService accounts;
    private final FormErrors forms;

    UserPages(AccountService accounts, FormErrors forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String done, @Nullable @QueryValue String problem) {
        return Pages.view("users/list", model(Map.of("role", "editor"), Map.of(), Flash.message(done), problem));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> form) {
        UserRequest request = new UserRequest(form.getOrDefault("username", ""), form.getOrDefault("role", ""),
                form.getOrDefault("password", ""));
        Map<String, String> errors = forms.attempt(request, () -> accounts.create(request));
        if (!errors.isEmpty()) {
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return Pages.invalid("users/list", model(kept, errors, null, null));
        }
        return Pages.seeOther("/users?done=user-created");
    }

    @Post("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> role(long id, @Body Map<String, String> form) {
        String role = form.getOrDefault("role", "");
        if (!List.of("admin", "editor", "reviewer").contains(role)) {
            return Pages.seeOther("/users?problem=" + urlEncode("Choose admin, editor or reviewer."));
        }
        return guarded(() -> accounts.changeRole(id, Role.valueOf(role)), "role");
    }

    @Post("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> password(long id, @Body Map<String, String> form) {
        String password = form.getOrDefault("password", "");
        if (password.length() < 12 || password.length() > 200) {
            return Pages.seeOther("/users?problem=" + urlEncode("A new password must be 12 to 200 characters."));
        }
        return guarded(() -> {
            accounts.setPassword(id, password);
            return null;
        }, "password");
    }

    @Post("/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivate(long id) {
        return guarded(() -> accounts.setActive(id, false), "deactivated");
    }

    @Post("/{id}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activate(long id) {
        return guarded(() -> accounts.setActive(id, true), "activated");
    }

    private HttpResponse<?> guarded(java.util.function.Supplier<?> action, String done) {
        try {
            action.get();
            return Pages.seeOther("/users?done=" + done);
        } catch (ConflictException e) {
            return Pages.seeOther("/users?problem=" + urlEncode(e.getMessage()));
        }
    }

    private Map<String, Object> model(Map<String, String> values, Map<String, String> errors, String flash, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", accounts.list());
        model.put("values", values);
        model.put("errors", errors);
        model.put("flash", flash);
        model.put("problem", problem);
        return model;
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
