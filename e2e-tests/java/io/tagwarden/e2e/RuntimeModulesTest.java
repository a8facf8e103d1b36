package io.tagwarden.e2e;

import io.tagwarden.e2e.support.Browser;
import io.tagwarden.e2e.support.FixtureSite;
import io.tagwarden.support.ClasspathTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the consent runtime's own unit tests ({@code snippets/runtime/test/*.test.js}: the state machine, the
 * policy, triggers, each signal adapter with fake windows, click ids) as ES modules in headless Chromium,
 * and reports each JavaScript test as a JUnit test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeModulesTest {

    Browser browser;
    FixtureSite site;

    @BeforeAll
    void start() {
        browser = new Browser();
        site = new FixtureSite();
    }

    @AfterAll
    void stop() throws Exception {
        browser.close();
        site.close();
    }

    @TestFactory
    Stream<DynamicContainer> runtimeModuleTests() {
        List<String> files = ClasspathTree.read(RuntimeModulesTest.class.getClassLoader(), "snippets/runtime/test").keySet().stream()
                .filter(f -> f.endsWith(".test.js")).sorted().toList();
        assertThat(files).as("runtime test files").isNotEmpty();
        return files.stream().map(file -> DynamicContainer.dynamicContainer(file, run(file).stream()
                .map(result -> DynamicTest.dynamicTest((String) result.get("name"), () -> {
                    if (!Boolean.TRUE.equals(result.get("ok"))) {
                        fail(String.valueOf(result.get("error")));
                    }
                }))));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(String file) {
        browser.open(site.url("/runtime-tests.html?test=" + file));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> browser.js("return window.__results !== undefined") == Boolean.TRUE);
        return (List<Map<String, Object>>) browser.js("return window.__results");
    }
}
