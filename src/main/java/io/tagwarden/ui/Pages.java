package io.tagwarden.ui;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Small helpers shared by the page controllers: render a view, redirect after a post. */
final class Pages {

    private Pages() {
    }

    static MutableHttpResponse<?> view(String view, Map<String, Object> model) {
        return HttpResponse.ok(new ModelAndView<>(view, model));
    }

    /** A form shown again with its errors: 400, so scripts and tests can tell, but a full page for people. */
    static MutableHttpResponse<?> invalid(String view, Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(view, model));
    }

    static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    /** A value as JSON text for a page's data attribute (charts read it; it is never code). */
    static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
