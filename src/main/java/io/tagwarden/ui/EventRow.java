package io.tagwarden.ui;

import io.tagwarden.collect.CollectedEvent;

/** A stored event as the event browser shows it: times in UTC to the second, consent in words. */
record EventRow(CollectedEvent event, String receivedAt, String consent) {

    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    static EventRow of(CollectedEvent e) {
        String consent = e.marketingGranted() ? "marketing + " + (e.analyticsGranted() ? "analytics" : "no analytics")
                : e.analyticsGranted() ? "analytics only" : "neither";
        if (e.notForSale()) {
            consent += ", GPC";
        }
        return new EventRow(e, SECONDS.format(e.receivedAt()), consent);
    }
}
