package io.tagwarden.ui;

import io.tagwarden.collect.CollectSettings;
import io.tagwarden.consent.BannerSettings;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.container.ContainerRequest;
import io.tagwarden.container.ContainerView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container settings form: flat HTML fields ↔ {@link ContainerRequest}. Numbers that do not parse are
 * reported as field errors here; everything else is validated by the request's own constraints.
 */
final class ContainerForm {

    static final List<String> SIGNALS = List.of("tcf", "gpp", "consent_mode", "onetrust", "cookiebot");

    private ContainerForm() {
    }

    /** The request the form describes; parse problems go into errors (keyed like the API's fields). */
    static ContainerRequest toRequest(Map<String, String> form, Map<String, String> errors) {
        List<String> origins = Arrays.stream(form.getOrDefault("allowedOrigins", "").split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> signals = SIGNALS.stream().filter(s -> form.containsKey("signal_" + s)).toList();
        ConsentSettings.TcfPurposes purposes = new ConsentSettings.TcfPurposes(
                numbers(form, "tcfAnalytics", "consent.tcfPurposes.analytics", errors),
                numbers(form, "tcfMarketing", "consent.tcfPurposes.marketing", errors));
        BannerSettings banner = null;
        if (form.containsKey("banner")) {
            Integer revision = number(form, "bannerRevision", "consent.banner.revision", errors);
            Map<String, BannerSettings.BannerTexts> texts = bannerTexts(form, errors);
            banner = new BannerSettings(revision == null ? 1 : revision, texts.isEmpty() ? null : texts);
        }
        ConsentSettings consent = new ConsentSettings(signals, purposes,
                new ConsentSettings.CategoryNames(form.get("oneTrustAnalytics"), form.get("oneTrustMarketing")),
                new ConsentSettings.CategoryNames(form.get("cookiebotAnalytics"), form.get("cookiebotMarketing")),
                banner);
        CollectSettings collection = new CollectSettings(form.containsKey("collect"), form.getOrDefault("ipAddresses", "truncated"),
                number(form, "retentionDays", "collection.retentionDays", errors));
        return new ContainerRequest(form.getOrDefault("name", ""), origins, form.get("consentMode"),
                number(form, "cmpWaitMs", "cmpWaitMs", errors), consent, collection, form.containsKey("requireApproval"));
    }

    /** Form values for an existing container (or the defaults for a new one). */
    static Map<String, String> values(ContainerView c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", c == null ? "" : c.name());
        v.put("allowedOrigins", c == null ? "" : String.join("\n", c.allowedOrigins()));
        v.put("consentMode", c == null ? "opt_in" : c.consentMode().name());
        v.put("cmpWaitMs", Integer.toString(c == null ? ContainerRequest.DEFAULT_CMP_WAIT_MS : c.cmpWaitMs()));
        ConsentSettings s = c == null ? ConsentSettings.defaults() : c.consent();
        s.signals().forEach(signal -> v.put("signal_" + signal, "on"));
        v.put("tcfAnalytics", join(s.tcfPurposes().analytics()));
        v.put("tcfMarketing", join(s.tcfPurposes().marketing()));
        v.put("oneTrustAnalytics", s.oneTrustGroups().analytics());
        v.put("oneTrustMarketing", s.oneTrustGroups().marketing());
        v.put("cookiebotAnalytics", s.cookiebotCategories().analytics());
        v.put("cookiebotMarketing", s.cookiebotCategories().marketing());
        if (c != null && c.requireApproval()) {
            v.put("requireApproval", "on");
        }
        CollectSettings collection = c == null ? CollectSettings.defaults() : c.collection();
        if (collection.collects()) {
            v.put("collect", "on");
        }
        v.put("ipAddresses", collection.ipAddresses());
        v.put("retentionDays", Integer.toString(collection.retentionDays()));
        BannerSettings banner = s.banner();
        if (banner != null) {
            v.put("banner", "on");
        }
        v.put("bannerRevision", Integer.toString(banner == null ? 1 : banner.revision()));
        Map<String, BannerSettings.BannerTexts> texts = banner == null ? Map.of("en", BannerSettings.englishDefaults())
                : banner.withDefaults().texts();
        int slot = 0;
        for (Map.Entry<String, BannerSettings.BannerTexts> language : texts.entrySet()) {
            putTexts(v, slot++, language.getKey(), language.getValue());
        }
        putTexts(v, slot, "", null);
        return v;
    }

    /** The banner's languages: slots 0, 1, … of the form; a slot without a language code and without text is unused. */
    private static Map<String, BannerSettings.BannerTexts> bannerTexts(Map<String, String> form, Map<String, String> errors) {
        Map<String, BannerSettings.BannerTexts> texts = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("bannerLang" + i); i++) {
            String language = form.get("bannerLang" + i).strip().toLowerCase(java.util.Locale.ROOT);
            int slot = i;
            List<String> parts = BANNER_TEXTS.stream().map(t -> blankToNull(form.get("banner" + t + slot))).toList();
            if (language.isEmpty()) {
                if (parts.stream().anyMatch(java.util.Objects::nonNull)) {
                    errors.putIfAbsent("consent.banner.texts", "Give each set of banner texts a language code, such as de.");
                }
                continue;
            }
            if (texts.containsKey(language)) {
                errors.putIfAbsent("consent.banner.texts", "The language " + language + " is listed twice.");
                continue;
            }
            texts.put(language, new BannerSettings.BannerTexts(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4),
                    parts.get(5), parts.get(6), parts.get(7)));
        }
        return texts;
    }

    /** Field name parts of one language's banner texts, in {@link BannerSettings.BannerTexts} order. */
    static final List<String> BANNER_TEXTS = List.of("Title", "Text", "AcceptAll", "RejectAll", "Customize", "Save", "Analytics", "Marketing");

    private static void putTexts(Map<String, String> v, int slot, String language, BannerSettings.BannerTexts t) {
        v.put("bannerLang" + slot, language);
        List<String> parts = t == null ? java.util.Collections.nCopies(8, "")
                : List.of(t.title(), t.text(), t.acceptAll(), t.rejectAll(), t.customize(), t.save(), t.analytics(), t.marketing());
        for (int i = 0; i < BANNER_TEXTS.size(); i++) {
            v.put("banner" + BANNER_TEXTS.get(i) + slot, parts.get(i));
        }
    }

    /** The form slots holding banner languages, for the template. */
    static List<Integer> bannerSlots(Map<String, String> values) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; values.containsKey("bannerLang" + i); i++) {
            slots.add(i);
        }
        return slots.isEmpty() ? List.of(0) : slots;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    private static Integer number(Map<String, String> form, String name, String field, Map<String, String> errors) {
        String raw = form.getOrDefault(name, "").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, "must be a whole number");
            return null;
        }
    }

    private static List<Integer> numbers(Map<String, String> form, String name, String field, Map<String, String> errors) {
        List<Integer> result = new ArrayList<>();
        for (String part : form.getOrDefault(name, "").split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                result.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                errors.putIfAbsent(field, "must be purpose numbers separated by commas, such as 1, 3, 4");
            }
        }
        return result;
    }
}
