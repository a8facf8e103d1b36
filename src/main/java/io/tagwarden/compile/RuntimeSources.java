package io.tagwarden.compile;

import io.tagwarden.support.ClasspathTree;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The consent runtime's ES modules ({@code snippets/runtime/**.js}, not its tests), read once at startup. */
@Singleton
class RuntimeSources {

    static final String ROOT = "snippets/runtime";

    private final List<JsSource> modules;

    RuntimeSources() {
        this.modules = ClasspathTree.read(RuntimeSources.class.getClassLoader(), ROOT).entrySet().stream()
                .filter(e -> e.getKey().endsWith(".js") && !e.getKey().startsWith("test/"))
                .map(e -> new JsSource("runtime/" + e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8)))
                .toList();
        if (modules.stream().noneMatch(m -> m.path().equals("runtime/main.js"))) {
            throw new IllegalStateException("classpath:" + ROOT + "/main.js is missing");
        }
    }

    List<JsSource> modules() {
        return modules;
    }
}
