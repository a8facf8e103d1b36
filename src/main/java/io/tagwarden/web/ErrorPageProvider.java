package io.tagwarden.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.Map;

/**
 * The error page people see (a browser asked for HTML): the status, a title, and a message that says what
 * went wrong for 4xx answers. Server errors say only that something failed; details go to the log, never to
 * the page.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
class ErrorPageProvider implements HtmlErrorResponseBodyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageProvider.class);

    private final ViewsRenderer<Map<String, Object>, io.micronaut.http.HttpRequest<?>> views;

    ErrorPageProvider(ViewsRenderer<Map<String, Object>, io.micronaut.http.HttpRequest<?>> views) {
        this.views = views;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        Map<String, Object> model = Map.of("status", status, "title", title(status), "message", message(context, status));
        try {
            StringWriter html = new StringWriter();
            views.render("error", model, context.getRequest()).writeTo(html);
            return html.toString();
        } catch (Exception e) {
            LOG.error("The error page itself failed to render", e);
            return "<!DOCTYPE html><title>Error " + status + "</title><h1>Error " + status + "</h1>";
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "That request could not be used";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not allowed here";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Something went wrong" : "Error";
        };
    }

    private static String message(ErrorContext context, int status) {
        if (status >= 500) {
            return "The server could not complete this request. It has been logged; try again, and tell your administrator if it keeps happening.";
        }
        if (status == 403) {
            return "Your role is not allowed to do this. Ask an administrator if you need it.";
        }
        if (status == 404 && context.getRootCause().filter(NotFoundException.class::isInstance).isEmpty()) {
            return "There is no page at this address.";
        }
        return context.getErrors().stream().map(Error::getMessage).findFirst().orElse(title(status) + ".");
    }
}
