package io.tagwarden.compile;

import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.tag.TriggerType;
import io.tagwarden.tag.UrlMatch;
import io.tagwarden.vendor.Vendor;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Container models built straight from the catalogue, bypassing the database and the validator. */
final class ModelFixtures {

    private ModelFixtures() {
    }

    static ContainerModel withVendors(VendorCatalog catalog, List<String> vendorIds) {
        List<TagModel> tags = new ArrayList<>();
        for (String id : vendorIds) {
            tags.add(tag(catalog.get(id), "t" + tags.size(), "PageView", "Tag " + id, TriggerType.page_load, null, UrlMatch.any, null));
        }
        return new ContainerModel("TW-TEST0001", "Test", List.of("https://shop.example.com"),
                ContainerModel.Consent.of(ConsentMode.opt_in, 500, ConsentSettings.defaults()), tags, java.util.Map.of(), true);
    }

    static TagModel tag(Vendor vendor, String id, String event, String name, TriggerType on, String triggerEvent,
                        UrlMatch match, String url) {
        VendorDescriptor d = vendor.descriptor();
        Map<String, String> settings = new LinkedHashMap<>();
        d.settings().forEach(s -> settings.put(s.key(), s.example()));
        return new TagModel(id, name, d.id(), d.gvlId(), ConsentCategory.marketing, settings, event, d.events().get(event), d.parameters(),
                new TagModel.Trigger(on, triggerEvent, match, url));
    }
}
