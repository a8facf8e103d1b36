package io.tagwarden.consent;

import io.micronaut.serde.annotation.Serdeable;

/** The consent category that gates a tag. Ordered from least to most restrictive. */
@Serdeable
public enum ConsentCategory {
    necessary,
    analytics,
    marketing
}
