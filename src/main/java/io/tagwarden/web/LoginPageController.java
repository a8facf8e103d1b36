package io.tagwarden.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in page. It starts an anonymous session holding a CSRF token, because the login form is
 * protected against cross-site posting like every other form (the session is replaced at sign-in).
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginPageController {

    private final SessionStore<Session> sessions;
    private final CsrfTokenGenerator<HttpRequest<?>> csrfTokens;
    private final CsrfConfiguration csrf;

    LoginPageController(SessionStore<Session> sessions, CsrfTokenGenerator<HttpRequest<?>> csrfTokens, CsrfConfiguration csrf) {
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.csrf = csrf;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, @Nullable Authentication authentication,
                         @Nullable @QueryValue String error, @Nullable @QueryValue String logout) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create("/containers"));
        }
        Session session = SessionForRequest.findOrCreate(request, sessions);
        String token = session.get(csrf.getHttpSessionName(), String.class).orElseGet(() -> {
            String fresh = csrfTokens.generateCsrfToken(request);
            session.put(csrf.getHttpSessionName(), fresh);
            return fresh;
        });
        Map<String, Object> model = new HashMap<>();
        model.put("error", error != null);
        model.put("loggedOut", logout != null);
        model.put("csrfToken", token);
        return HttpResponse.ok(new ModelAndView<>("login", model)).header("Cache-Control", "no-store");
    }
}
