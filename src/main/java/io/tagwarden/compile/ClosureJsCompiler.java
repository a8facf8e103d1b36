package io.tagwarden.compile;

import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.DependencyOptions;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.ModuleIdentifier;
import com.google.javascript.jscomp.PropertyRenamingPolicy;
import com.google.javascript.jscomp.VariableRenamingPolicy;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.deps.ModuleLoader;
import io.tagwarden.support.ClasspathTree;
import jakarta.inject.Singleton;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one class that talks to Google Closure Compiler. Runs in-process with a new {@link Compiler} and
 * {@link CompilerOptions} per call (neither is thread-safe) and small hand-written externs
 * ({@code snippets/externs/}), because the full browser externs would cost ~300 ms per compile.
 * SIMPLE optimizations keep property names, so vendor globals and the page API survive unrenamed.
 */
@Singleton
class ClosureJsCompiler implements JsCompiler {

    private static final String EXTERNS_ROOT = "snippets/externs";

    private final List<SourceFile> externs;

    ClosureJsCompiler() {
        this.externs = ClasspathTree.read(ClosureJsCompiler.class.getClassLoader(), EXTERNS_ROOT).entrySet().stream()
                .map(e -> SourceFile.fromCode("externs/" + e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8)))
                .toList();
    }

    @Override
    public String compile(List<JsSource> sources, String entryPath) {
        Compiler compiler = new Compiler(new PrintStream(OutputStream.nullOutputStream()));
        List<SourceFile> inputs = sources.stream().map(s -> SourceFile.fromCode(s.path(), s.code())).toList();
        Result result = compiler.compile(externs, inputs, options(entryPath));
        if (!result.success || !compiler.getErrors().isEmpty()) {
            throw new ScriptCompileException(compiler.getErrors().stream().map(ClosureJsCompiler::describe).toList());
        }
        return "(function(){" + compiler.toSource() + "})();";
    }

    private static CompilerOptions options(String entryPath) {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.SIMPLE_OPTIMIZATIONS.setOptionsForCompilationLevel(options);
        options.setLanguageIn(CompilerOptions.LanguageMode.ECMASCRIPT_2017);
        options.setLanguageOut(CompilerOptions.LanguageMode.ECMASCRIPT_2017);
        options.setEnvironment(CompilerOptions.Environment.CUSTOM);
        options.setEmitUseStrict(false);
        options.setModuleResolutionMode(ModuleLoader.ResolutionMode.BROWSER);
        options.setDependencyOptions(DependencyOptions.pruneForEntryPoints(List.of(ModuleIdentifier.forFile(entryPath))));
        // The output is wrapped in a function, so even top-level names are local: they may be shortened,
        // inlined or dropped when unused. Property names stay as written (vendor APIs and the JSON
        // configuration depend on them).
        options.setRenamingPolicy(VariableRenamingPolicy.ALL, PropertyRenamingPolicy.OFF);
        options.setAssumeGlobalScopeIsIsolated(true);
        options.setRemoveUnusedVariables(CompilerOptions.Reach.ALL);
        options.setInlineVariables(CompilerOptions.Reach.ALL);
        options.setInlineFunctions(CompilerOptions.Reach.ALL);
        return options;
    }

    private static String describe(JSError error) {
        return error.sourceName() + ":" + error.lineno() + " " + error.description();
    }
}
