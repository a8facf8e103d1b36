package io.tagwarden.compile;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The configuration object handed to the runtime's {@code start()}: what the browser needs, nothing more. */
@Serdeable
record RuntimeConfig(String container, ContainerModel.Consent consent, List<TagModel> tags) {

    static RuntimeConfig of(ContainerModel model) {
        return new RuntimeConfig(model.containerId(), model.consent(), model.tags());
    }
}
