package io.tagwarden.tag;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How a tag's events reach its vendor. {@code browser}: the vendor's script on the page (the default);
 * {@code browser_and_server}: the script, and the same event (same event_id, so the vendor deduplicates) forwarded
 * from Tagwarden's server to the vendor's conversion API; {@code server}: the server alone — the page loads no
 * vendor code for the tag and contacts none of the vendor's hosts. Both server modes need first-party collection.
 */
@Serdeable
public enum Delivery {
    browser,
    browser_and_server,
    server;

    public boolean inBrowser() {
        return this != server;
    }

    public boolean fromServer() {
        return this != browser;
    }
}
