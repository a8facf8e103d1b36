package io.tagwarden.forward.vendors;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tagwarden.forward.VendorForwarder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The forwarders as the outbox will find them: beans in the application context, one per vendor id. */
@MicronautTest(startApplication = false)
@Property(name = "tagwarden.forward.vendors.google-ads.base-url", value = "http://127.0.0.1:18099")
class ForwarderBeansTest {

    @Inject
    List<VendorForwarder> forwarders;

    @Inject
    GoogleForwarder google;

    @Test
    void everyVendorHasExactlyOneForwarderBean() {
        assertThat(forwarders).extracting(VendorForwarder::vendorId)
                .containsExactlyInAnyOrder("meta", "google", "linkedin", "x", "tiktok", "reddit", "pinterest");
    }

    @Test
    void googleAdsOriginComesFromConfiguration() {
        URI uri = google.request(Conversions.full("purchase").build(), Map.of("tagId", "AW-123456789"),
                Map.of("developerToken", "d", "accessToken", "a", "customerId", "1234567890", "conversionActionId", "1"),
                google.defaultBaseUrl(), false).uri();
        assertThat(uri.toString()).startsWith("http://127.0.0.1:18099/v26/customers/1234567890:uploadClickConversions");
    }
}
