package io.tagwarden.compile;

import java.util.List;

/** Bundles ES modules from an entry point into one minified script. */
public interface JsCompiler {

    /**
     * @param sources every module that may be imported, the entry among them
     * @param entryPath the path of the entry module
     * @return the minified script
     * @throws ScriptCompileException when the sources do not compile
     */
    String compile(List<JsSource> sources, String entryPath);
}
