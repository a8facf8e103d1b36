package io.tagwarden.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders a page completely before any byte is sent. Thymeleaf's own renderer streams while it renders, so a
 * failing template used to leave the response half-written and the request hanging (micronaut-views#832);
 * rendering first turns such a failure into an ordinary error, answered with the error page.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class EagerViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    EagerViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                       ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException | RuntimeException e) {
            throw new ViewRenderingException("Error rendering view [" + viewName + "]", e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
