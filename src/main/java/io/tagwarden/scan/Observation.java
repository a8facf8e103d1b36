package io.tagwarden.scan;

import java.util.List;

/**
 * What the browser saw in one state: every request the page made (refused ones included: the scan blocked them), every
 * cookie in the profile (third-party ones included), the address the page ended on, and what went wrong on the way.
 * {@code complete} is false when the browser failed or was stopped before the state's recording was taken: then what
 * was seen is reported, but the state cannot pass.
 */
record Observation(List<Request> requests, List<Cookie> cookies, String finalUrl, List<String> notes, boolean complete) {

    record Request(String url, String host, boolean refused) {
    }

    record Cookie(String name, String domain) {
    }
}
