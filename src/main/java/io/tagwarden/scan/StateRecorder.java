package io.tagwarden.scan;

import io.micronaut.context.annotation.DefaultImplementation;

import java.time.Instant;
import java.util.function.Predicate;

/** Loads a page in a fresh browser in one state and reports what it saw; the seam between the scan and Chromium. */
@DefaultImplementation(ChromiumRecorder.class)
interface StateRecorder {

    /**
     * @param allowRequest whether a request (its URL as the browser sends it) may go out; refused ones are failed and recorded
     * @param deadline     when this state must be over, page finished or not
     * @throws BrowserUnavailableException when no browser can be started at all
     */
    Observation record(String url, ScanState state, Predicate<String> allowRequest, Instant deadline);
}
