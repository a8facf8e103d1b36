package io.tagwarden.vendor;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
class VendorCatalogTest {

    @Inject
    VendorCatalog catalog;

    @Test
    void discoversTheSevenVendorsAndTheTestOnlyVendorFromTheirFolders() {
        assertThat(catalog.ids()).containsExactlyInAnyOrder(
                "meta", "google", "linkedin", "x", "tiktok", "reddit", "pinterest", "acme");
    }

    @Test
    void testOnlyVendorIsUsableLikeAnyOther() {
        Vendor acme = catalog.get("acme");
        assertThat(acme.descriptor().events()).containsEntry("Purchase", "buy");
        assertThat(acme.moduleSource()).contains("export default");
        assertThat(acme.settingPatterns().get("accountId").matcher("ACME-1234").matches()).isTrue();
    }

    @Test
    void everyVendorDeclaresHostsPageViewAndAValidExampleForEachSetting() {
        for (Vendor vendor : catalog.all()) {
            VendorDescriptor d = vendor.descriptor();
            assertThat(d.hosts()).as(d.id() + " hosts").isNotEmpty();
            assertThat(d.events()).as(d.id() + " events").containsKey(VendorEvents.PAGE_VIEW);
            for (VendorDescriptor.Setting s : d.settings()) {
                assertThat(s.example()).as(d.id() + "." + s.key() + " example").isNotNull();
                Pattern p = vendor.settingPatterns().get(s.key());
                assertThat(p.matcher(s.example()).matches()).as(d.id() + "." + s.key()).isTrue();
            }
        }
    }

    @Test
    void adPixelsAreGatedAsMarketingByDefault() {
        for (String id : new String[] {"meta", "google", "linkedin", "x", "tiktok", "reddit", "pinterest"}) {
            assertThat(catalog.get(id).descriptor().defaultCategory()).as(id).hasToString("marketing");
        }
    }
}
