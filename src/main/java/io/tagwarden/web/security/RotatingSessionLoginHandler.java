package io.tagwarden.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.session.SessionLoginHandler;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Replaces micronaut-security-session's login handler, which keeps the pre-login session (session
 * fixation: the login page already made one for its CSRF token) and stores no CSRF token. Here a successful
 * login deletes the old session, starts a new one holding the authentication and a fresh CSRF token, and
 * redirects (303) to the containers page; a failed one redirects back to the login page.
 */
@Singleton
@Replaces(SessionLoginHandler.class)
class RotatingSessionLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    static final String SUCCESS = "/containers";
    static final String FAILURE = "/login?error=true";

    private final SessionStore<Session> sessions;
    private final CsrfTokenGenerator<HttpRequest<?>> csrfTokens;
    private final CsrfConfiguration csrf;

    RotatingSessionLoginHandler(SessionStore<Session> sessions, CsrfTokenGenerator<HttpRequest<?>> csrfTokens, CsrfConfiguration csrf) {
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.csrf = csrf;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        SessionForRequest.find(request).ifPresent(old -> sessions.deleteSession(old.getId()));
        Session fresh = SessionForRequest.create(sessions, request);
        fresh.put(SecurityFilter.AUTHENTICATION, authentication);
        fresh.put(csrf.getHttpSessionName(), csrfTokens.generateCsrfToken(request));
        return HttpResponse.seeOther(URI.create(SUCCESS));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return loginSuccess(authentication, request);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationResponse, HttpRequest<?> request) {
        return HttpResponse.seeOther(URI.create(FAILURE));
    }
}
