package io.tagwarden.tag;

import io.tagwarden.vendor.Vendor;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import io.tagwarden.vendor.VendorEvents;
import io.tagwarden.web.FieldError;
import io.tagwarden.web.InvalidInputException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a tag against its vendor's descriptor: known vendor, supported event, every setting present
 * and well-formed, no unknown setting, a coherent trigger. Reports every problem at once.
 */
@Singleton
public class TagValidator {

    static final int MAX_SETTING_LENGTH = 200;
    static final int MAX_REGEX_LENGTH = 500;

    private final VendorCatalog catalog;

    TagValidator(VendorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the request's settings, trimmed and stripped of empty optional values. */
    public Map<String, String> validate(TagRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Vendor vendor = catalog.find(request.vendor()).orElse(null);
        if (vendor == null) {
            errors.add(new FieldError("vendor", "unknown vendor '" + request.vendor() + "'; choose one of " + catalog.ids()));
        } else {
            VendorDescriptor d = vendor.descriptor();
            if (!d.supportsEvent(request.event())) {
                errors.add(new FieldError("event", d.name() + " does not support the event '" + request.event()
                        + "'; supported: " + d.events().keySet()));
            }
            settings = checkSettings(vendor, request, errors);
        }
        checkTrigger(request.trigger(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return settings;
    }

    private static Map<String, String> checkSettings(Vendor vendor, TagRequest request, List<FieldError> errors) {
        Map<String, String> given = request.settingsOrEmpty();
        Map<String, String> clean = new LinkedHashMap<>();
        boolean pageView = VendorEvents.PAGE_VIEW.equals(request.event());
        for (VendorDescriptor.Setting s : vendor.descriptor().settings()) {
            String value = given.get(s.key()) == null ? "" : given.get(s.key()).strip();
            String field = "settings." + s.key();
            boolean required = s.required() && !(s.conversionOnly() && pageView);
            if (value.isEmpty()) {
                if (required) {
                    errors.add(new FieldError(field, s.label() + " is required" + (s.conversionOnly() ? " for " + request.event() : "")
                            + hint(s)));
                }
                continue;
            }
            Pattern pattern = vendor.settingPatterns().get(s.key());
            if (value.length() > MAX_SETTING_LENGTH || (pattern != null && !pattern.matcher(value).matches())) {
                errors.add(new FieldError(field, s.message() != null ? s.message() : s.label() + " is not valid" + hint(s)));
                continue;
            }
            clean.put(s.key(), value);
        }
        for (String key : given.keySet()) {
            if (vendor.descriptor().settings().stream().noneMatch(s -> s.key().equals(key))) {
                errors.add(new FieldError("settings." + key, "is not a setting of " + vendor.descriptor().name()));
            }
        }
        return clean;
    }

    private static String hint(VendorDescriptor.Setting s) {
        return s.example() == null ? "" : " (for example " + s.example() + ")";
    }

    private static void checkTrigger(TriggerRequest trigger, List<FieldError> errors) {
        if (trigger == null) {
            return;
        }
        if (trigger.type() == TriggerType.custom_event && (trigger.event() == null || trigger.event().isBlank())) {
            errors.add(new FieldError("trigger.event", "is required when the trigger is a custom event"));
        }
        if (trigger.type() == TriggerType.page_load && trigger.event() != null && !trigger.event().isBlank()) {
            errors.add(new FieldError("trigger.event", "applies only to custom_event triggers"));
        }
        UrlMatch match = trigger.matchOrAny();
        String url = trigger.url() == null ? "" : trigger.url();
        if (match != UrlMatch.any && url.isBlank()) {
            errors.add(new FieldError("trigger.url", "is required when urlMatch is " + match));
        }
        if (match == UrlMatch.regex && !url.isBlank()) {
            if (url.length() > MAX_REGEX_LENGTH) {
                errors.add(new FieldError("trigger.url", "a regular expression may be at most " + MAX_REGEX_LENGTH + " characters"));
            } else {
                try {
                    Pattern.compile(url);
                } catch (PatternSyntaxException e) {
                    errors.add(new FieldError("trigger.url", "is not a valid regular expression: " + e.getDescription()));
                }
            }
        }
    }
}
