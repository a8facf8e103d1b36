package io.tagwarden.preview;

import java.time.Instant;

/** Permission to preview one container's draft as if on {@code pageUrl}, until {@code expiresAt}. */
record PreviewTicket(String containerId, String pageUrl, Instant expiresAt) {
}
