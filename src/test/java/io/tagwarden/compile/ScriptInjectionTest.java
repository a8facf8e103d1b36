package io.tagwarden.compile;

import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.rhino.Node;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.tag.TriggerType;
import io.tagwarden.tag.UrlMatch;
import io.tagwarden.vendor.VendorCatalog;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a marketer types reaches the script as data: a container whose fields hold script-breaking text
 * compiles to the same program (same syntax tree, string contents aside) as one holding plain words.
 */
@MicronautTest(startApplication = false)
class ScriptInjectionTest {

    @Inject
    ContainerCompiler compiler;
    @Inject
    VendorCatalog catalog;

    @ParameterizedTest
    @ValueSource(strings = {
            "</script><script>alert(1)</script>",
            "\"-alert(1)-\"",
            "'-alert(1)-'",
            "`${alert(1)}`",
            "\u2028alert(1)\u2029",
            "*/alert(1)/*",
            "\\\"});alert(1);//"})
    void userTextNeverChangesTheProgram(String payload) {
        String plain = compile("SAFE");
        String hostile = compile(payload);
        assertThat(shape(hostile)).isEqualTo(shape(plain));
        assertThat(hostile).doesNotContain("</script");
        assertThat(strings(hostile)).contains(payload);
    }

    private String compile(String text) {
        TagModel tag = ModelFixtures.tag(catalog.get("meta"), "t1", "Purchase", text, TriggerType.custom_event, text, UrlMatch.contains, text);
        TagModel withSetting = new TagModel(tag.id(), tag.name(), tag.vendor(), tag.gvlId(), tag.category(), Map.of("pixelId", text),
                tag.event(), tag.vendorEvent(), tag.params(), tag.trigger());
        ContainerModel model = new ContainerModel("TW-TEST0001", text, List.of(), ModelFixtures.withVendors(catalog, List.of()).consent(),
                List.of(withSetting), Map.of(), true);
        return new String(compiler.compile(model).artifact().bytes(), StandardCharsets.UTF_8);
    }

    /** The syntax tree as text, with every string literal's value replaced by a placeholder. */
    private static String shape(String code) {
        StringBuilder out = new StringBuilder();
        walk(parse(code), out, 0, null);
        return out.toString();
    }

    private static List<String> strings(String code) {
        List<String> values = new ArrayList<>();
        walk(parse(code), new StringBuilder(), 0, values);
        return values;
    }

    private static void walk(Node node, StringBuilder out, int depth, List<String> strings) {
        out.append(" ".repeat(depth)).append(node.getToken());
        if (node.isStringLit() || node.isTemplateLitString()) {
            if (strings != null) {
                strings.add(node.isStringLit() ? node.getString() : node.getCookedString());
            }
            out.append(" <string>");
        } else if (node.isName() || node.isStringKey() || node.isGetProp() || node.isMemberFunctionDef()) {
            out.append(' ').append(node.getString());
        } else if (node.isNumber()) {
            out.append(' ').append(node.getDouble());
        }
        out.append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, out, depth + 1, strings);
        }
    }

    private static Node parse(String code) {
        Compiler compiler = new Compiler();
        CompilerOptions options = new CompilerOptions();
        options.setLanguageIn(CompilerOptions.LanguageMode.ECMASCRIPT_2017);
        compiler.initOptions(options);
        Node root = compiler.parse(SourceFile.fromCode("artifact.js", code));
        assertThat(compiler.getErrors()).as("the artifact parses").isEmpty();
        return root;
    }
}
