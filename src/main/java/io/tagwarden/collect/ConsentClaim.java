package io.tagwarden.collect;

import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * The consent state an event says it was collected under: each category granted, denied or unknown, the signal
 * that decided ({@code tcf}, {@code banner}, …), whether the page had Global Privacy Control on, and the IAB vendor
 * (GVL) ids the page's TCF signal refused ({@code refusedVendors}, null when the page did not say: server-side
 * forwarding then treats every IAB vendor as refused under TCF).
 */
record ConsentClaim(Decision analytics, Decision marketing, @Nullable String source, boolean gpc, @Nullable List<Integer> refusedVendors) {

    enum Decision { granted, denied, unknown }

    static final ConsentClaim NONE = new ConsentClaim(Decision.unknown, Decision.unknown, null, false, null);
}
