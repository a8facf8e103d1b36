package io.tagwarden.scan;

/** As many scans as {@code tagwarden.scan.max-concurrent} allows are already running on this server. */
public final class ScanBusyException extends RuntimeException {

    public ScanBusyException(int limit) {
        super(limit == 1 ? "A consent scan is already running on this server; try again when it has finished."
                : limit + " consent scans are already running on this server (the limit); try again when one has finished.");
    }
}
