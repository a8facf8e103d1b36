package io.tagwarden.compliance;

import io.tagwarden.compile.ContainerModel;
import io.tagwarden.compile.TagModel;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.tag.TriggerText;
import io.tagwarden.vendor.VendorCatalog;
import io.tagwarden.vendor.VendorDescriptor;
import io.tagwarden.version.ContainerVersion;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A version's frozen container model and the vendor descriptors → {@link GatingMatrix}. The signal descriptions say
 * exactly what the runtime checks (see the README's "Picking a consent signal"), with this container's own maps.
 */
@Singleton
class GatingMatrixFactory {

    private final VendorCatalog catalog;
    private final int visitorCookieDays;

    GatingMatrixFactory(VendorCatalog catalog, io.tagwarden.collect.CollectConfiguration collect) {
        this.catalog = catalog;
        this.visitorCookieDays = collect.visitorCookieDays();
    }

    GatingMatrix of(ContainerVersion version, ContainerModel model) {
        ContainerModel.Consent consent = model.consent();
        GatingMatrix.Policy policy = new GatingMatrix.Policy(
                consent.mode().name().equals("opt_in")
                        ? "opt-in: analytics and marketing are denied until a signal or the visitor grants them"
                        : "opt-out: analytics and marketing are granted unless a signal or the visitor refuses them",
                consent.waitMs(), consent.signals(), consent.banner() == null ? null : consent.banner().revision(), model.collects());
        List<GatingMatrix.Row> rows = model.tags().stream().map(t -> row(t, consent)).toList();
        return new GatingMatrix(model.containerId(), model.name(), version.number(), version.publishedAt(), version.contentHash(), policy,
                rows, own(model));
    }

    private GatingMatrix.Row row(TagModel tag, ContainerModel.Consent consent) {
        VendorDescriptor vendor = catalog.find(tag.vendor()).map(v -> v.descriptor()).orElse(null);
        String trigger = TriggerText.describe(tag.trigger().on(), tag.trigger().event(), tag.trigger().match(), tag.trigger().url());
        return new GatingMatrix.Row(tag.id(), tag.name(), tag.vendor(), vendor == null ? tag.vendor() : vendor.name(), tag.event(),
                tag.vendorEvent(), trigger, tag.category().name(), grantedBy(tag, consent),
                tag.category() == ConsentCategory.marketing
                        ? "blocked: with Global Privacy Control on, marketing is denied whatever a signal or the visitor says"
                        : "no effect (GPC concerns sale, sharing and targeted advertising)",
                // As frozen with the version; versions from before that use the vendor's descriptor of today.
                tag.hosts() != null ? tag.hosts() : vendor == null ? List.of() : vendor.hosts(),
                tag.cookies() != null ? tag.cookies() : vendor == null ? List.of() : vendor.cookies(),
                serverSide(tag));
    }

    private static String serverSide(TagModel tag) {
        return switch (tag.deliveryOrBrowser()) {
            case browser -> "no: browser only";
            case browser_and_server -> "yes: also forwarded from the server to the vendor's conversion API, same event_id, "
                    + "under the same category, never with GPC";
            case server -> "server only: no vendor code on the page; forwarded from the server under the same category, never with GPC";
        };
    }

    /** Every way this tag's category can become granted in this container. */
    private static List<String> grantedBy(TagModel tag, ContainerModel.Consent consent) {
        if (tag.category() == ConsentCategory.necessary) {
            return List.of("always (necessary: fires without consent)");
        }
        boolean marketing = tag.category() == ConsentCategory.marketing;
        List<String> ways = new ArrayList<>();
        for (String signal : consent.signals()) {
            switch (signal) {
                case "tcf" -> {
                    ConsentSettings.TcfPurposes p = consent.tcfPurposes();
                    List<Integer> purposes = p == null ? List.of() : marketing ? p.marketing() : p.analytics();
                    ways.add("IAB TCF v2.2: consent (or legitimate interest where allowed) for purposes "
                            + purposes.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + (tag.gvlId() != null ? ", and vendor consent or legitimate interest for GVL id " + tag.gvlId() : "")
                            + "; when the CMP says GDPR does not apply (gdprApplies false), granted");
                }
                case "gpp" -> ways.add(marketing ? "IAB GPP: no US section opts out of sale, sharing or targeted advertising (EU-only strings are left to TCF)"
                        : "IAB GPP: any US section, or no section that needs TCF (US state laws are opt-out)");
                case "consent_mode" -> ways.add(marketing
                        ? "Google Consent Mode v2: ad_storage granted, ad_user_data and ad_personalization not denied"
                        : "Google Consent Mode v2: analytics_storage granted");
                case "onetrust" -> ways.add("OneTrust: group " + (consent.oneTrustGroups() == null ? "?"
                        : marketing ? consent.oneTrustGroups().marketing() : consent.oneTrustGroups().analytics()) + " active");
                case "cookiebot" -> ways.add("Cookiebot: category " + (consent.cookiebotCategories() == null ? "?"
                        : marketing ? consent.cookiebotCategories().marketing() : consent.cookiebotCategories().analytics()) + " accepted");
                default -> ways.add(signal);
            }
        }
        if (consent.banner() != null) {
            ways.add("Tagwarden's banner: the visitor accepts " + tag.category().name() + " (revision " + consent.banner().revision() + ")");
        }
        ways.add("the site's own call: tagwarden.consent.update({" + tag.category().name() + ": 'granted'})");
        if (consent.mode().name().equals("opt_out")) {
            ways.add("the opt-out policy, when no signal has answered within " + consent.waitMs() + " ms");
        }
        return ways;
    }

    private List<GatingMatrix.OwnUse> own(ContainerModel model) {
        List<GatingMatrix.OwnUse> uses = new ArrayList<>();
        uses.add(new GatingMatrix.OwnUse("the container script from this Tagwarden server", "always", "it is the consent gate itself"));
        if (model.consent().banner() != null) {
            uses.add(new GatingMatrix.OwnUse("cookie tw_consent (180 days)", "after the visitor chooses in the banner",
                    "remembers the choice and the policy revision it was made for"));
        }
        if (!model.clickIds().isEmpty()) {
            uses.add(new GatingMatrix.OwnUse("cookie tw_clk (90 days)", "only while the category of the tags that use each click id is granted",
                    "keeps " + String.join(", ", model.clickIds().keySet()) + " from the landing page for later conversions"));
        }
        if (model.collects()) {
            uses.add(new GatingMatrix.OwnUse("POST /collect on this server", "only after a tag fired, so only with its category granted",
                    "first-party copy of the event with its consent state"));
            uses.add(new GatingMatrix.OwnUse("cookie tw_vid (HttpOnly, " + visitorCookieDays + " days)", "only when the event's consent allows analytics or marketing",
                    "first-party visitor id"));
        }
        return uses;
    }
}
