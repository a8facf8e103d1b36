package io.tagwarden.ui;

import io.tagwarden.tag.TagRequest;
import io.tagwarden.tag.TagView;
import io.tagwarden.tag.TriggerRequest;
import io.tagwarden.vendor.VendorDescriptor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tag form: HTML fields named like the API's JSON paths ({@code settings.pixelId}, {@code trigger.url}) ↔ {@link TagRequest}. */
final class TagForm {

    private TagForm() {
    }

    static TagRequest toRequest(String vendor, Map<String, String> form) {
        Map<String, String> settings = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("settings.") && value != null && !value.isBlank()) {
                settings.put(key.substring("settings.".length()), value);
            }
        });
        TriggerRequest trigger = new TriggerRequest(form.getOrDefault("trigger.on", "page_load"), blankToNull(form.get("trigger.event")),
                form.getOrDefault("trigger.urlMatch", "any"), blankToNull(form.get("trigger.url")));
        return new TagRequest(form.getOrDefault("name", ""), vendor, settings, form.getOrDefault("event", ""), trigger,
                blankToNull(form.get("consentCategory")), form.containsKey("enabled"),
                blankToNull(form.get("delivery")));
    }

    static Map<String, String> values(TagView tag) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", tag.name());
        tag.settings().forEach((key, value) -> v.put("settings." + key, value));
        v.put("event", tag.event());
        v.put("trigger.on", tag.trigger().on());
        v.put("trigger.event", tag.trigger().event() == null ? "" : tag.trigger().event());
        v.put("trigger.urlMatch", tag.trigger().matchOrAny().name());
        v.put("trigger.url", tag.trigger().url() == null ? "" : tag.trigger().url());
        v.put("consentCategory", tag.consentCategory().name());
        v.put("delivery", tag.delivery().name());
        if (tag.enabled()) {
            v.put("enabled", "on");
        }
        return v;
    }

    static Map<String, String> defaults(VendorDescriptor vendor) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", vendor.name() + " page view");
        v.put("event", "PageView");
        v.put("trigger.on", "page_load");
        v.put("trigger.urlMatch", "any");
        v.put("consentCategory", vendor.defaultCategory().name());
        v.put("delivery", "browser");
        v.put("enabled", "on");
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
