package io.tagwarden.ui;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.tagwarden.account.Principal;
import io.tagwarden.account.Role;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts {@code me} (name, role, isAdmin, canEdit) into every page's model for the header and the actions. */
@Singleton
class SignedInUserModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    record Me(String name, String role, boolean isAdmin, boolean canEdit) {
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        request.getUserPrincipal(Authentication.class).ifPresent(auth -> modelAndView.getModel().ifPresent(model -> {
            String role = auth.getRoles().stream().findFirst().orElse("");
            model.putIfAbsent("me", new Me(auth.getName(), role, Role.ADMIN.equals(role), Principal.canEdit(auth)));
        }));
    }
}
