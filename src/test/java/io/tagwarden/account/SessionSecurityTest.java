package io.tagwarden.account;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.support.BrowserlessSession;
import io.tagwarden.support.TestApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the pages: CSRF on every form, a new session at sign-in, a dead session after sign-out. */
@MicronautTest
class SessionSecurityTest {

    @Inject
    EmbeddedServer server;

    @Test
    void pagesRedirectToTheLoginPageWhenSignedOut() {
        HttpResponse<String> r = new BrowserlessSession(server.getURI()).get("/containers");
        assertThat(r.statusCode()).isIn(302, 303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signingInStartsANewSessionAndSigningOutEndsIt() {
        BrowserlessSession browser = new BrowserlessSession(server.getURI());
        String loginPage = browser.get("/login").body();
        String anonymous = browser.sessionCookie();
        assertThat(anonymous).as("the login page's session (for its CSRF token)").isNotNull();

        HttpResponse<String> login = browser.post("/login", Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD,
                "csrfToken", BrowserlessSession.csrfTokenOf(loginPage)));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/containers");
        String signedIn = browser.sessionCookie();
        assertThat(signedIn).as("session fixation: a new session at sign-in").isNotEqualTo(anonymous);
        assertThat(browser.get("/containers").statusCode()).isEqualTo(200);

        String page = browser.get("/containers").body();
        HttpResponse<String> logout = browser.post("/logout", Map.of("csrfToken", BrowserlessSession.csrfTokenOf(page)));
        assertThat(logout.statusCode()).isEqualTo(303);
        BrowserlessSession thief = new BrowserlessSession(server.getURI());
        thief.setSessionCookie(signedIn);
        assertThat(thief.get("/containers").statusCode()).as("the old session cookie is worthless").isIn(302, 303);
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPageWithAnError() {
        HttpResponse<String> r = new BrowserlessSession(server.getURI()).signIn("admin", "not-the-password");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?error=true");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        BrowserlessSession browser = new BrowserlessSession(server.getURI());
        browser.get("/login");
        HttpResponse<String> login = browser.post("/login", Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD));
        assertThat(login.statusCode()).as("refused, not signed in").isIn(401, 403);
        assertThat(login.headers().firstValue("WWW-Authenticate")).as("no browser password prompt").isEmpty();
        assertThat(browser.get("/containers").statusCode()).isIn(302, 303);

        browser.signIn("admin", TestApi.ADMIN_PASSWORD);
        HttpResponse<String> create = browser.post("/containers", Map.of("name", "Forged"));
        assertThat(create.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = browser.post("/containers", Map.of("name", "Forged", "csrfToken", "forged-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void theJsonApiIgnoresASessionCookie() {
        BrowserlessSession browser = new BrowserlessSession(server.getURI());
        browser.signIn("admin", TestApi.ADMIN_PASSWORD);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(server.getURI().resolve("/api/containers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"via cookie\"}")).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("API token");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        BrowserlessSession browser = new BrowserlessSession(server.getURI());
        for (String path : new String[] {"/login", "/no-such-page", "/c/TW-NOPE2345.js"}) {
            HttpResponse<String> r = browser.get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        String csp = browser.get("/login").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
    }

    @Test
    void unknownPagesAre404NotALoginPrompt() {
        assertThat(new BrowserlessSession(server.getURI()).get("/no-such-page").statusCode()).isEqualTo(404);
    }

    static URI base(EmbeddedServer server) {
        return server.getURI();
    }
}
