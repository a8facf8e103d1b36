package io.tagwarden.container;

/** Makes public container ids such as {@code TW-7K3PQ2}; a seam so tests can fix them. */
public interface PublicIdGenerator {

    String next();
}
