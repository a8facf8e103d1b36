package io.tagwarden.compile;

/** A compiled container and how long the compile took. */
public record CompileResult(CompiledArtifact artifact, long compileMillis) {
}
