package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

/**
 * The consent state an event says it was collected under: each category granted, denied or unknown, the signal
 * that decided ({@code tcf}, {@code banner}, …) and whether the page had Global Privacy Control on.
 */
record ConsentClaim(Decision analytics, Decision marketing, @Nullable String source, boolean gpc) {

    enum Decision { granted, denied, unknown }

    static final ConsentClaim NONE = new ConsentClaim(Decision.unknown, Decision.unknown, null, false);
}
