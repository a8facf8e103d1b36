package io.tagwarden;

import io.micronaut.runtime.Micronaut;

/** Starts the Tagwarden server. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
