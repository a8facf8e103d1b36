package io.tagwarden.vendor;

import io.micronaut.serde.ObjectMapper;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.support.ClasspathTree;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Discovers vendor folders under {@code snippets/vendors/} on every classpath root (folders and jars),
 * so adding a vendor means adding a folder. A broken descriptor fails with a message naming its file.
 */
@Singleton
final class VendorCatalogLoader {

    static final String ROOT = "snippets/vendors";
    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{0,31}$");
    private static final Pattern SETTING_KEY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]*$");

    private final ObjectMapper objectMapper;

    VendorCatalogLoader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    Map<String, Vendor> load(ClassLoader classLoader) {
        Map<String, Map<String, byte[]>> folders = new TreeMap<>();
        ClasspathTree.read(classLoader, ROOT).forEach((path, bytes) -> {
            int slash = path.indexOf('/');
            if (slash > 0) {
                folders.computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>()).put(path.substring(slash + 1), bytes);
            }
        });
        if (folders.isEmpty()) {
            throw new IllegalStateException("No vendor found under classpath:" + ROOT);
        }
        Map<String, Vendor> vendors = new LinkedHashMap<>();
        folders.forEach((folder, files) -> vendors.put(folder, read(folder, files)));
        return vendors;
    }

    private Vendor read(String folder, Map<String, byte[]> files) {
        String where = ROOT + "/" + folder + "/";
        byte[] descriptorBytes = files.get("descriptor.json");
        if (descriptorBytes == null) {
            throw new InvalidVendorException(where, "descriptor.json is missing");
        }
        VendorDescriptor descriptor;
        try {
            descriptor = objectMapper.readValue(descriptorBytes, VendorDescriptor.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidVendorException(where + "descriptor.json", "not a valid descriptor: " + e.getMessage());
        }
        Map<String, Pattern> patterns = check(where + "descriptor.json", folder, descriptor);
        byte[] module = files.get(folder + ".js");
        if (module == null) {
            throw new InvalidVendorException(where, folder + ".js is missing");
        }
        return new Vendor(descriptor, new String(module, StandardCharsets.UTF_8), patterns);
    }

    private static Map<String, Pattern> check(String file, String folderName, VendorDescriptor d) {
        require(file, d.id() != null && ID.matcher(d.id()).matches(), "id must match " + ID.pattern());
        require(file, d.id().equals(folderName), "id '" + d.id() + "' differs from its folder name '" + folderName + "'");
        require(file, d.name() != null && !d.name().isBlank(), "name is missing");
        require(file, d.defaultCategory() != null, "defaultCategory must be one of " + List.of(ConsentCategory.values()));
        require(file, d.settings() != null && d.events() != null && d.parameters() != null, "settings, events and parameters are required");
        require(file, d.hosts() != null && d.cookies() != null && d.clickIds() != null, "hosts, cookies and clickIds are required (may be empty)");
        for (String event : d.events().keySet()) {
            require(file, VendorEvents.ALL.contains(event), "unknown event '" + event + "'; known events: " + VendorEvents.ALL);
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (VendorDescriptor.Setting s : d.settings()) {
            require(file, s.key() != null && SETTING_KEY.matcher(s.key()).matches(), "setting key '" + s.key() + "' is not an identifier");
            require(file, !keys.contains(s.key()), "setting '" + s.key() + "' is defined twice");
            keys.add(s.key());
            require(file, s.label() != null && s.help() != null, "setting '" + s.key() + "' needs a label and help text");
            if (s.pattern() != null) {
                try {
                    Pattern pattern = Pattern.compile(s.pattern());
                    patterns.put(s.key(), pattern);
                    require(file, s.example() == null || pattern.matcher(s.example()).matches(),
                            "setting '" + s.key() + "': example '" + s.example() + "' does not match its pattern");
                } catch (PatternSyntaxException e) {
                    throw new InvalidVendorException(file, "setting '" + s.key() + "' has a bad pattern: " + e.getDescription());
                }
            }
        }
        return patterns;
    }

    private static void require(String file, boolean condition, String message) {
        if (!condition) {
            throw new InvalidVendorException(file, message);
        }
    }
}
