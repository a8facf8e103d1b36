package io.tagwarden.ui;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** The success message a page shows after post/redirect/get, chosen by the {@code done} query value. */
final class Flash {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("created", "Created."),
            Map.entry("saved", "Saved."),
            Map.entry("deleted", "Deleted."),
            Map.entry("duplicated", "Duplicated: the copy is disabled until you enable it."),
            Map.entry("enabled", "Enabled. Publish to put it live."),
            Map.entry("disabled", "Disabled. Publish to take it off the site."),
            Map.entry("published", "Published. The new version is live."),
            Map.entry("rolledback", "Rolled back: the older version is live again as a new version."),
            Map.entry("user-created", "User created."),
            Map.entry("role", "Role changed."),
            Map.entry("password", "Password changed."),
            Map.entry("deactivated", "User deactivated: they can no longer sign in or use their tokens."),
            Map.entry("activated", "User activated."),
            Map.entry("token-revoked", "Token revoked."),
            Map.entry("key-revoked", "Ingest key revoked: your backend can no longer send with it."),
            Map.entry("submitted", "Submitted for approval. A reviewer will see it under Approvals."),
            Map.entry("approved", "Approved. The editor can now publish it."),
            Map.entry("rejected", "Rejected. The editor sees your comment on the publish page."),
            Map.entry("credentials-saved", "Credentials saved, encrypted. Secrets are not shown again."),
            Map.entry("credentials-removed", "Credentials removed: forwarding to this vendor fails until new ones are set."),
            Map.entry("job-retried", "Queued again: the job is sent within seconds."),
            Map.entry("jobs-retried", "Dead jobs queued again."),
            Map.entry("job-discarded", "Discarded: the job will not be sent."));

    private Flash() {
    }

    static @Nullable String message(@Nullable String done) {
        return done == null ? null : MESSAGES.get(done);
    }
}
