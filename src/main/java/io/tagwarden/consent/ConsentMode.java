package io.tagwarden.consent;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What applies while the visitor has not decided: {@code opt_in} (GDPR style: nothing but necessary
 * until granted) or {@code opt_out} (US state-law style: granted unless denied or Global Privacy Control).
 */
@Serdeable
public enum ConsentMode {
    opt_in,
    opt_out
}
