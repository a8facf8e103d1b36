package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.compile.TagModel;

import java.util.List;

/**
 * What changes between two states of a container (two versions, or the last version and the draft).
 * {@code loosening} lists, in words, every change that lets more fire with less consent: a tag added, a
 * tag moved to a less restrictive category, a new vendor, opt-in → opt-out, a shorter wait for the CMP.
 */
@Serdeable
public record ContainerDiff(@Nullable Integer fromVersion, @Nullable Integer toVersion, List<FieldChange> container,
                            List<TagModel> added, List<TagModel> removed, List<TagChange> changed, List<String> loosening) {

    public boolean isEmpty() {
        return container.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public boolean loosensConsent() {
        return !loosening.isEmpty();
    }

    /** One setting before and after; {@code loosensConsent} marks the changes that weaken gating. */
    @Serdeable
    public record FieldChange(String field, @Nullable String before, @Nullable String after, boolean loosensConsent) {
    }

    /** A tag present on both sides with the fields that differ. */
    @Serdeable
    public record TagChange(String id, String name, String vendor, List<FieldChange> fields) {

        public boolean loosensConsent() {
            return fields.stream().anyMatch(FieldChange::loosensConsent);
        }
    }
}
