package io.tagwarden.compile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tagwarden.consent.ConsentCategory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration object handed to the runtime's {@code start()}: what the browser needs, nothing more.
 * Parameter name maps are per vendor, not per tag, to keep the script small.
 */
@Serdeable
record RuntimeConfig(String container, ContainerModel.Consent consent, List<Tag> tags,
                     Map<String, Map<String, String>> params, Map<String, ConsentCategory> clickIds) {

    /**
     * A tag as the runtime sees it. {@code server} is true for a server-only tag: the runtime loads no vendor code
     * for it and only sends its events to /collect (so its vendor settings are not in the script either).
     */
    @Serdeable
    record Tag(String id, String name, String vendor, @Nullable Integer gvlId, ConsentCategory category,
               Map<String, String> settings, String event, String vendorEvent, TagModel.Trigger trigger, @Nullable Boolean server) {
    }

    static RuntimeConfig of(ContainerModel model) {
        Map<String, Map<String, String>> params = new TreeMap<>();
        List<Tag> tags = model.tags().stream().map(t -> {
            boolean serverOnly = !t.deliveryOrBrowser().inBrowser();
            if (!serverOnly) {
                params.put(t.vendor(), t.params());
            }
            return new Tag(t.id(), t.name(), t.vendor(), t.gvlId(), t.category(), serverOnly ? Map.of() : t.settings(), t.event(),
                    t.vendorEvent(), t.trigger(), serverOnly ? Boolean.TRUE : null);
        }).toList();
        return new RuntimeConfig(model.containerId(), model.consent(), tags, params, model.clickIds());
    }
}
