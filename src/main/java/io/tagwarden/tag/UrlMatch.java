package io.tagwarden.tag;

import io.micronaut.serde.annotation.Serdeable;

/** How a trigger's URL condition compares with the page URL ({@code any}: no condition). */
@Serdeable
public enum UrlMatch {
    any,
    equals,
    contains,
    prefix,
    regex
}
