package io.tagwarden.collect;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@link CollectApiTest} again with the Netty fast path off, so that {@link CollectController} (which
 * takes what the fast path does not: HTTP/2, compressed or chunked bodies, Expect: 100-continue) answers the same.
 */
@MicronautTest
@Property(name = "tagwarden.collect.fast-path", value = "false")
class CollectControllerPathTest extends CollectApiTest {

    @Inject
    ApplicationContext context;

    @Test
    void theFastPathIsOff() {
        assertThat(context.findBean(FastPath.class)).isEmpty();
    }
}
