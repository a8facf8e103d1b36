package io.tagwarden.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.session.SessionLogoutHandler;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Replaces micronaut-security-session's logout handler, which only drops the authentication: here logout
 * deletes the whole session and expires its cookie, so a copied session cookie is worthless afterwards.
 */
@Singleton
@Replaces(SessionLogoutHandler.class)
class EndingSessionLogoutHandler implements LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    static final String AFTER_LOGOUT = "/login?logout=true";
    static final String SESSION_COOKIE = "SESSION";

    private final SessionStore<Session> sessions;

    EndingSessionLogoutHandler(SessionStore<Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public MutableHttpResponse<?> logout(HttpRequest<?> request) {
        SessionForRequest.find(request).ifPresent(session -> {
            sessions.deleteSession(session.getId());
            request.getAttributes().remove(HttpSessionFilter.SESSION_ATTRIBUTE.toString());
        });
        return HttpResponse.seeOther(URI.create(AFTER_LOGOUT))
                .cookie(Cookie.of(SESSION_COOKIE, "").path("/").maxAge(0).httpOnly(true));
    }
}
