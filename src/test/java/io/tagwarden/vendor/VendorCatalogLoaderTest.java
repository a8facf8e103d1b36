package io.tagwarden.vendor;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorCatalogLoaderTest {

    @TempDir
    Path root;

    private final VendorCatalogLoader loader = new VendorCatalogLoader(ObjectMapper.getDefault());

    @Test
    void loadsAVendorFolderFromAnyClasspathRoot() throws Exception {
        writeVendor("zeta", descriptor("zeta", "^Z[0-9]+$", "Z1"));
        assertThat(loader.load(isolated()).keySet()).containsExactly("zeta");
    }

    @Test
    void refusesADescriptorWhoseIdDiffersFromItsFolder() throws Exception {
        writeVendor("zeta", descriptor("other", "^Z[0-9]+$", "Z1"));
        assertThatThrownBy(() -> loader.load(isolated()))
                .isInstanceOf(InvalidVendorException.class)
                .hasMessageContaining("snippets/vendors/zeta/descriptor.json")
                .hasMessageContaining("differs from its folder name");
    }

    @Test
    void refusesAnExampleThatBreaksItsOwnPattern() throws Exception {
        writeVendor("zeta", descriptor("zeta", "^Z[0-9]+$", "nope"));
        assertThatThrownBy(() -> loader.load(isolated())).hasMessageContaining("example 'nope' does not match");
    }

    @Test
    void refusesAFolderWithoutItsModule() throws Exception {
        writeVendor("zeta", descriptor("zeta", "^Z[0-9]+$", "Z1"));
        Files.delete(root.resolve("snippets/vendors/zeta/zeta.js"));
        assertThatThrownBy(() -> loader.load(isolated())).hasMessageContaining("zeta.js is missing");
    }

    private ClassLoader isolated() throws Exception {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private void writeVendor(String folder, String descriptor) throws Exception {
        Path dir = Files.createDirectories(root.resolve("snippets/vendors/" + folder));
        Files.writeString(dir.resolve("descriptor.json"), descriptor);
        Files.writeString(dir.resolve(folder + ".js"), "export default {load() {}, send() {}};");
    }

    private static String descriptor(String id, String pattern, String example) {
        return """
                {"id": "%s", "name": "Zeta", "defaultCategory": "marketing", "gvlId": null,
                 "settings": [{"key": "account", "label": "Account", "help": "h", "required": true,
                               "conversionOnly": false, "pattern": "%s", "message": "m", "example": "%s"}],
                 "events": {"PageView": "pv"}, "parameters": {}, "hosts": [{"host": "z.test", "reason": "r"}],
                 "cookies": [], "clickIds": []}
                """.formatted(id, pattern, example);
    }
}
