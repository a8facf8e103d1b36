package io.tagwarden.compile;

import io.micronaut.serde.annotation.Serdeable;

import io.tagwarden.consent.ConsentCategory;

import java.util.List;
import java.util.Map;

/** The configuration object handed to the runtime's {@code start()}: what the browser needs, nothing more. */
@Serdeable
record RuntimeConfig(String container, ContainerModel.Consent consent, List<TagModel> tags, Map<String, ConsentCategory> clickIds) {

    static RuntimeConfig of(ContainerModel model) {
        return new RuntimeConfig(model.containerId(), model.consent(), model.tags(), model.clickIds());
    }
}
