package io.tagwarden.forward;

import io.tagwarden.support.StubVendor;
import io.tagwarden.support.TestApi;

import java.util.Map;

/** {@link ForwardingFixture} for tests in other packages (the PostgreSQL family). */
public final class ForwardingFixtureAccess {

    private ForwardingFixtureAccess() {
    }

    public static Map<String, String> properties(StubVendor stub) {
        return ForwardingFixture.properties(stub);
    }

    public static String serverContainer(TestApi admin) {
        return ForwardingFixture.serverContainer(admin, "server");
    }

    public static String purchase(String container, String eventId) {
        return ForwardingFixture.purchase(container, eventId, ForwardingFixture.ALL);
    }
}
