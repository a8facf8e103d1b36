package io.tagwarden.version;

/** Fired after a version is committed; caches drop what they hold for the container. */
public record VersionPublished(String containerId, int number) {
}
