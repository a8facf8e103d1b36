package io.tagwarden.compile;

import java.util.List;

/** The compiler rejected the assembled sources: a bug in a runtime or vendor module, never user input. */
public final class ScriptCompileException extends RuntimeException {

    public ScriptCompileException(List<String> errors) {
        super("The container script did not compile: " + String.join("; ", errors));
    }
}
