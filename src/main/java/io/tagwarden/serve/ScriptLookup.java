package io.tagwarden.serve;

import io.micronaut.core.annotation.Nullable;
import io.tagwarden.compile.CompiledArtifact;

/** The outcome of looking up a container script: the artifact, or why there is none. */
record ScriptLookup(@Nullable CompiledArtifact artifact, int version, @Nullable String missing) {

    static ScriptLookup found(CompiledArtifact artifact, int version) {
        return new ScriptLookup(artifact, version, null);
    }

    static ScriptLookup missing(String why) {
        return new ScriptLookup(null, 0, why);
    }
}
