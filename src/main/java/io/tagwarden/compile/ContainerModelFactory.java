package io.tagwarden.compile;

import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.container.Container;
import io.tagwarden.container.ContainerService;
import io.tagwarden.tag.Tag;
import io.tagwarden.tag.TagService;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Database rows → {@link ContainerModel}: the first arrow of the publish pipeline. */
@Singleton
public class ContainerModelFactory {

    private final VendorCatalog catalog;
    private final TagService tags;
    private final ContainerService containers;

    ContainerModelFactory(VendorCatalog catalog, TagService tags, ContainerService containers) {
        this.containers = containers;
        this.catalog = catalog;
        this.tags = tags;
    }

    public ContainerModel create(Container container, List<Tag> rows) {
        List<TagModel> models = rows.stream().filter(Tag::enabled).map(this::model).toList();
        return new ContainerModel(container.id(), container.name(), container.allowedOriginList(),
                ContainerModel.Consent.of(container.consentMode(), container.cmpWaitMs(), containers.consentSettings(container)), models,
                clickIds(models), containers.collectSettings(container).collects());
    }

    /** Each click id goes with the most restrictive category among the tags of the vendors that use it. */
    private Map<String, ConsentCategory> clickIds(List<TagModel> tags) {
        Map<String, ConsentCategory> result = new TreeMap<>();
        for (TagModel tag : tags) {
            for (String param : catalog.get(tag.vendor()).descriptor().clickIds()) {
                result.merge(param, tag.category(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return result;
    }

    private TagModel model(Tag tag) {
        VendorDescriptor vendor = catalog.get(tag.vendor()).descriptor();
        return new TagModel("t" + tag.id(), tag.name(), tag.vendor(), vendor.gvlId(), tag.consentCategory(), tags.settingsOf(tag),
                tag.eventName(), vendor.events().get(tag.eventName()), vendor.parameters(),
                new TagModel.Trigger(tag.triggerType(), tag.triggerEvent(), tag.urlMatch(), tag.urlValue()), vendor.hosts(), vendor.cookies(),
                tag.delivery());
    }
}
