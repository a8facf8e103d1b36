package io.tagwarden.compile;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.vendor.Vendor;
import io.tagwarden.vendor.VendorCatalog;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@link ContainerModel} → the ordered JavaScript sources of one container: the runtime modules, the
 * modules of the vendors its tags use, and a generated entry module. The entry contains no value a user
 * typed except inside the configuration, which is JSON written by the serializer (with {@code <}, {@code >},
 * {@code &} and line separators escaped), so a tag field can never become code.
 */
@Singleton
public class ScriptAssembler {

    static final String ENTRY = "entry.js";

    private final RuntimeSources runtime;
    private final VendorCatalog catalog;
    private final ObjectMapper json;

    ScriptAssembler(RuntimeSources runtime, VendorCatalog catalog, ObjectMapper json) {
        this.runtime = runtime;
        this.catalog = catalog;
        this.json = json;
    }

    public List<JsSource> assemble(ContainerModel model) {
        return assemble(model, null);
    }

    /**
     * {@code previewPageUrl} (preview builds only, null otherwise): the page address the draft's triggers are
     * matched against, so the admin app's preview page can stand in for any page of the site.
     */
    public List<JsSource> assemble(ContainerModel model, String previewPageUrl) {
        List<JsSource> sources = new ArrayList<>(runtime.modules());
        StringBuilder entry = new StringBuilder("import {start} from './runtime/main.js';\n");
        StringBuilder vendorMap = new StringBuilder();
        int index = 0;
        for (String vendorId : new TreeSet<>(model.tags().stream()
                .filter(t -> t.deliveryOrBrowser().inBrowser()).map(TagModel::vendor).toList())) {
            Vendor vendor = catalog.get(vendorId);
            sources.add(new JsSource(vendor.modulePath(), vendor.moduleSource()));
            entry.append("import v").append(index).append(" from './").append(vendor.modulePath()).append("';\n");
            // Vendor ids are validated identifiers from the catalogue (^[a-z][a-z0-9_]*$), never user input.
            vendorMap.append(index == 0 ? "" : ", ").append('"').append(vendorId).append("\": v").append(index);
            index++;
        }
        // Optional runtime features are imported only by containers that use them, to keep the others small.
        List<String> features = new ArrayList<>();
        if (model.consent().banner() != null) {
            entry.append("import {startBanner} from './runtime/banner.js';\n");
            features.add("banner: startBanner");
        }
        if (previewPageUrl != null) {
            features.add("pageUrl: " + jsonString(previewPageUrl));
        } else if (model.collects()) {
            // The preview never collects: its events are a marketer's tests, not visits.
            entry.append("import {createCollector} from './runtime/collect.js';\n");
            features.add("collect: createCollector");
        }
        entry.append("start(window, ").append(configJson(model)).append(", {").append(vendorMap).append("}, {")
                .append(String.join(", ", features)).append("});\n");
        sources.add(new JsSource(ENTRY, entry.toString()));
        return sources;
    }

    String configJson(ContainerModel model) {
        try {
            return escapeForScript(json.writeValueAsString(RuntimeConfig.of(model)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jsonString(String value) {
        try {
            return escapeForScript(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON is a JavaScript expression; these escapes keep it one even where HTML or old parsers look at it. */
    static String escapeForScript(String jsonText) {
        StringBuilder out = new StringBuilder(jsonText.length() + 16);
        for (int i = 0; i < jsonText.length(); i++) {
            char c = jsonText.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
