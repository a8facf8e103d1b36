package io.tagwarden.forward;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The randomness (jitter, nonces, IVs) and the HTTP client the forwarding machinery shares; injected so tests can replace them. */
@Factory
class ForwardFactory {

    @Singleton
    RandomGenerator random() {
        return new SecureRandom();
    }

    @Singleton
    HttpClient vendorHttpClient(ForwardConfiguration config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
