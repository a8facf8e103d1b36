package io.tagwarden.ui;

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
            banner = new BannerSettings(revision == null ? 1 : revision, Map.of("en", new BannerSettings.BannerTexts(
                    form.get("bannerTitle"), form.get("bannerText"), form.get("bannerAcceptAll"), form.get("bannerRejectAll"),
                    form.get("bannerCustomize"), form.get("bannerSave"), form.get("bannerAnalytics"), form.get("bannerMarketing"))));
        }
        ConsentSettings consent = new ConsentSettings(signals, purposes,
                new ConsentSettings.CategoryNames(form.get("oneTrustAnalytics"), form.get("oneTrustMarketing")),
                new ConsentSettings.CategoryNames(form.get("cookiebotAnalytics"), form.get("cookiebotMarketing")),
                banner);
        return new ContainerRequest(form.getOrDefault("name", ""), origins, form.get("consentMode"),
                number(form, "cmpWaitMs", "cmpWaitMs", errors), consent);
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
        BannerSettings banner = s.banner();
        BannerSettings.BannerTexts texts = banner == null ? BannerSettings.englishDefaults()
                : banner.withDefaults().texts().values().iterator().next();
        if (banner != null) {
            v.put("banner", "on");
        }
        v.put("bannerRevision", Integer.toString(banner == null ? 1 : banner.revision()));
        v.put("bannerTitle", texts.title());
        v.put("bannerText", texts.text());
        v.put("bannerAcceptAll", texts.acceptAll());
        v.put("bannerRejectAll", texts.rejectAll());
        v.put("bannerCustomize", texts.customize());
        v.put("bannerSave", texts.save());
        v.put("bannerAnalytics", texts.analytics());
        v.put("bannerMarketing", texts.marketing());
        return v;
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
