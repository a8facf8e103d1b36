package io.tagwarden.web;

import io.micronaut.context.annotation.Requires;
import java.net.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import io.tagwarden.support.BrowserlessSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A page whose template fails answers 500 with the error page, promptly, and says nothing about the failure. */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "test.broken-page", value = "true")
class ErrorPagesTest {

    @Inject
    EmbeddedServer server;

    @Test
    @Timeout(20)
    void aTemplateThatFailsToRenderGivesTheErrorPageNotAHangOrAStackTrace() {
        HttpResponse<String> page = new BrowserlessSession(server.getURI()).get("/test-only/broken");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong").contains("It has been logged")
                .doesNotContain("missing").doesNotContain("Exception").doesNotContain("OGNL");
    }

    @Controller("/test-only")
    @Requires(property = "test.broken-page", value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenPage {
        @Get("/broken")
        @Produces(MediaType.TEXT_HTML)
        ModelAndView<Map<String, Object>> broken() {
            return new ModelAndView<>("broken-for-test", Map.of());
        }
    }
}
