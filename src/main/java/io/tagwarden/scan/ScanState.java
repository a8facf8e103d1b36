package io.tagwarden.scan;

/**
 * The four situations a scan records, each in a fresh browser profile. The choice is made through the page API
 * ({@code tagwarden.consent.update}), as a consent platform or the built-in banner would.
 */
public enum ScanState {
    no_choice("No choice yet", null),
    reject_all("Reject all", "{analytics: 'denied', marketing: 'denied'}"),
    accept_all("Accept all", "{analytics: 'granted', marketing: 'granted'}"),
    // Global Privacy Control on (navigator.globalPrivacyControl and the Sec-GPC header), then accept all: GPC must still win.
    gpc("GPC on, accept all", "{analytics: 'granted', marketing: 'granted'}");

    private final String label;
    private final String choice;

    ScanState(String label, String choice) {
        this.label = label;
        this.choice = choice;
    }

    public String label() {
        return label;
    }

    /** The argument of {@code tagwarden.consent.update(…)} made after the page loaded; null: no choice. */
    String choice() {
        return choice;
    }
}
