package io.tagwarden.preview;

import io.tagwarden.compile.TagModel;
import io.tagwarden.tag.TriggerText;

/** A draft tag as the preview lists it; the debug panel fills in what happened to it. */
record PreviewTag(String id, String name, String vendor, String event, String trigger, String category) {

    static PreviewTag of(TagModel t) {
        return new PreviewTag(t.id(), t.name(), t.vendor(), t.event(),
                TriggerText.describe(t.trigger().on(), t.trigger().event(), t.trigger().match(), t.trigger().url()),
                t.category().name());
    }
}
