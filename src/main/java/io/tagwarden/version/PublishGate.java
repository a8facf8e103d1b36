package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.tagwarden.container.Container;

/**
 * What a publish must pass besides compiling: a container that requires approval publishes a draft that loosens
 * consent gating only once a reviewer approved exactly that draft. Implemented by the approval feature.
 */
public interface PublishGate {

    /** Throws {@link io.tagwarden.web.ConflictException} when this publish may not go live now. */
    void check(Container container, ContainerDiff diff, @Nullable Integer baseVersion, String draftHash);

    /** Called once the version is saved, in the same transaction. */
    void published(Container container, String draftHash, int number);
}
