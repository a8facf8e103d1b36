package io.tagwarden.scan;

import java.util.List;

/**
 * What the browser saw in one state: every request the page made (refused ones included: the scan blocked them), every
 * cookie in the profile (third-party ones included), the address the page ended on, and what went wrong on the way.
 */
record Observation(List<Request> requests, List<Cookie> cookies, String finalUrl, List<String> notes) {

    record Request(String url, String host, boolean refused) {
    }

    record Cookie(String name, String domain) {
    }
}
