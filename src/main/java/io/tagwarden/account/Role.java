package io.tagwarden.account;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a user may do. {@code admin}: everything, users included. {@code editor} (a marketer): containers,
 * tags, publishing. {@code reviewer} (compliance): reads everything, changes nothing.
 */
@Serdeable
public enum Role {
    admin,
    editor,
    reviewer;

    /** Role names as used in {@code @Secured}. */
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String REVIEWER = "reviewer";
}
