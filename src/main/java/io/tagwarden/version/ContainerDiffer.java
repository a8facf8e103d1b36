package io.tagwarden.version;

import io.micronaut.core.annotation.Nullable;
import io.tagwarden.compile.ContainerModel;
import io.tagwarden.compile.TagModel;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.tag.TriggerText;
import io.tagwarden.version.ContainerDiff.FieldChange;
import io.tagwarden.version.ContainerDiff.TagChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares two container models (the frozen snapshots of versions, or a version and the draft). */
public final class ContainerDiffer {

    private ContainerDiffer() {
    }

    /** {@code before} is null when nothing was published yet: then every tag is added. */
    public static ContainerDiff between(@Nullable ContainerModel before, ContainerModel after,
                                        @Nullable Integer fromVersion, @Nullable Integer toVersion) {
        List<String> loosening = new ArrayList<>();
        List<FieldChange> containerChanges = before == null ? List.of() : containerChanges(before, after, loosening);
        Map<String, TagModel> old = byId(before == null ? List.of() : before.tags());
        Map<String, TagModel> now = byId(after.tags());
        Set<String> oldVendors = old.values().stream().map(TagModel::vendor).collect(Collectors.toSet());

        List<TagModel> added = now.values().stream().filter(t -> !old.containsKey(t.id())).toList();
        List<TagModel> removed = old.values().stream().filter(t -> !now.containsKey(t.id())).toList();
        added.forEach(t -> loosening.add("Tag “" + t.name() + "” added: it fires with " + t.category() + " consent"));
        now.values().stream().map(TagModel::vendor).filter(v -> !oldVendors.contains(v)).distinct()
                .forEach(v -> loosening.add("New vendor: " + v));

        List<TagChange> changed = new ArrayList<>();
        for (TagModel t : now.values()) {
            TagModel o = old.get(t.id());
            if (o != null) {
                List<FieldChange> fields = tagChanges(o, t);
                if (!fields.isEmpty()) {
                    changed.add(new TagChange(t.id(), t.name(), t.vendor(), fields));
                    fields.stream().filter(FieldChange::loosensConsent).forEach(f -> loosening.add(
                            "Tag “" + t.name() + "” moved from " + f.before() + " to " + f.after()));
                }
            }
        }
        return new ContainerDiff(fromVersion, toVersion, containerChanges, added, removed, changed, List.copyOf(loosening));
    }

    private static List<FieldChange> containerChanges(ContainerModel b, ContainerModel a, List<String> loosening) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "Name", b.name(), a.name(), false);
        compare(changes, "Allowed origins", String.join(", ", b.allowedOrigins()), String.join(", ", a.allowedOrigins()), false);
        ContainerModel.Consent bc = b.consent();
        ContainerModel.Consent ac = a.consent();
        boolean toOptOut = bc.mode() == ConsentMode.opt_in && ac.mode() == ConsentMode.opt_out;
        compare(changes, "Consent policy", bc.mode().name(), ac.mode().name(), toOptOut);
        if (toOptOut) {
            loosening.add("Consent policy changed from opt-in to opt-out: tags may fire before any choice");
        }
        boolean shorterWait = ac.waitMs() < bc.waitMs();
        compare(changes, "Wait for consent platform (ms)", Integer.toString(bc.waitMs()), Integer.toString(ac.waitMs()), shorterWait);
        if (shorterWait) {
            loosening.add("Shorter wait for the consent platform: " + bc.waitMs() + " ms → " + ac.waitMs() + " ms");
        }
        // Another signal is another way to be granted; fewer required TCF purposes, or another CMP category name, may grant
        // with less; collection turned on sends events to one more place. All of these count as loosening.
        List<String> newSignals = ac.signals().stream().filter(s -> !bc.signals().contains(s)).toList();
        compare(changes, "Consent signals", String.join(", ", bc.signals()), String.join(", ", ac.signals()), !newSignals.isEmpty());
        newSignals.forEach(s -> loosening.add("New consent signal listened to: " + s));
        boolean fewerPurposes = fewer(bc.tcfPurposes(), ac.tcfPurposes());
        compare(changes, "TCF purposes", purposes(bc.tcfPurposes()), purposes(ac.tcfPurposes()), fewerPurposes);
        if (fewerPurposes) {
            loosening.add("Fewer TCF purposes required: " + purposes(bc.tcfPurposes()) + " → " + purposes(ac.tcfPurposes()));
        }
        mapping(changes, loosening, "OneTrust groups", names(bc.oneTrustGroups()), names(ac.oneTrustGroups()));
        mapping(changes, loosening, "Cookiebot categories", names(bc.cookiebotCategories()), names(ac.cookiebotCategories()));
        compare(changes, "Built-in banner", bannerText(bc), bannerText(ac), false);
        boolean collectionOn = !b.collects() && a.collects();
        compare(changes, "First-party collection (/collect)", b.collects() ? "on" : "off", a.collects() ? "on" : "off", collectionOn);
        if (collectionOn) {
            loosening.add("First-party collection turned on: events also go to /collect");
        }
        return changes;
    }

    private static boolean fewer(ConsentSettings.TcfPurposes before, ConsentSettings.TcfPurposes after) {
        if (before == null || after == null) {
            return false;
        }
        return !after.analytics().containsAll(before.analytics()) || !after.marketing().containsAll(before.marketing());
    }

    private static void mapping(List<FieldChange> changes, List<String> loosening, String what, String before, String after) {
        boolean changed = before != null && !before.equals(after);
        compare(changes, what, before, after, changed);
        if (changed) {
            loosening.add(what + " changed (" + before + " → " + after + "): another CMP category may now grant");
        }
    }

    private static String purposes(ConsentSettings.TcfPurposes p) {
        return p == null ? null : "analytics " + p.analytics() + ", marketing " + p.marketing();
    }

    private static String names(ConsentSettings.CategoryNames n) {
        return n == null ? null : "analytics " + n.analytics() + ", marketing " + n.marketing();
    }

    private static String bannerText(ContainerModel.Consent c) {
        if (c.banner() == null) {
            return "off";
        }
        return "on, revision " + c.banner().revision() + ", languages "
                + (c.banner().texts() == null ? "en" : String.join(", ", new TreeSet<>(c.banner().texts().keySet())));
    }

    private static List<FieldChange> tagChanges(TagModel b, TagModel a) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "Name", b.name(), a.name(), false);
        compare(changes, "Event", b.event(), a.event(), false);
        compare(changes, "Trigger", trigger(b), trigger(a), false);
        compare(changes, "Consent category", b.category().name(), a.category().name(),
                a.category().ordinal() < b.category().ordinal());
        // A new channel to the vendor (its script on the page, or the server forwarding to its API) loosens.
        compare(changes, "Delivery", b.deliveryOrBrowser().name(), a.deliveryOrBrowser().name(),
                a.deliveryOrBrowser().inBrowser() && !b.deliveryOrBrowser().inBrowser()
                        || a.deliveryOrBrowser().fromServer() && !b.deliveryOrBrowser().fromServer());
        Set<String> keys = new TreeSet<>(b.settings().keySet());
        keys.addAll(a.settings().keySet());
        keys.forEach(k -> compare(changes, k, b.settings().get(k), a.settings().get(k), false));
        return changes;
    }

    private static String trigger(TagModel t) {
        return TriggerText.describe(t.trigger().on(), t.trigger().event(), t.trigger().match(), t.trigger().url());
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after, boolean loosens) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after, loosens));
        }
    }

    private static Map<String, TagModel> byId(List<TagModel> tags) {
        Map<String, TagModel> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.id(), t));
        return map;
    }
}
