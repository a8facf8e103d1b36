package io.tagwarden.tag;

import io.micronaut.serde.annotation.Serdeable;

/** When a tag fires: on every page load, or when the page pushes a named event. */
@Serdeable
public enum TriggerType {
    page_load,
    custom_event
}
