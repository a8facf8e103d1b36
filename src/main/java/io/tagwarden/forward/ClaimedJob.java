package io.tagwarden.forward;

import io.tagwarden.collect.CollectedEvent;

/** A job this instance holds the lease of, with the event it delivers. {@code attempt} counts this try (1 for the first). */
record ClaimedJob(String id, String vendor, String tagId, String vendorEvent, String settingsJson, int attempt, CollectedEvent event) {
}
