package io.tagwarden.ui;

import io.tagwarden.version.VersionSummary;

/** A published version as the versions list shows it. */
record VersionRow(VersionSummary version, String publishedAt, String shortHash) {

    static VersionRow of(VersionSummary v) {
        return new VersionRow(v, UtcTime.format(v.publishedAt()), v.contentHash().substring(0, Math.min(12, v.contentHash().length())));
    }
}
