package io.tagwarden.version;

import io.tagwarden.compile.ContainerModel;
import io.tagwarden.compile.TagModel;
import io.tagwarden.consent.ConsentCategory;
import io.tagwarden.consent.ConsentMode;
import io.tagwarden.consent.ConsentSettings;
import io.tagwarden.tag.Delivery;
import io.tagwarden.tag.TriggerType;
import io.tagwarden.tag.UrlMatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerDifferTest {

    @Test
    void nothingPublishedYetMeansEveryTagIsAddedAndLoosensConsent() {
        ContainerDiff diff = ContainerDiffer.between(null, model(ConsentMode.opt_in, 500, tag("1", "meta", ConsentCategory.marketing)), null, null);
        assertThat(diff.added()).extracting(TagModel::id).containsExactly("1");
        assertThat(diff.container()).isEmpty();
        assertThat(diff.loosening()).containsExactly("Tag “Tag 1” added: it fires with marketing consent", "New vendor: meta");
    }

    @Test
    void aLessRestrictiveCategoryOptOutAndAShorterWaitLoosenConsentButTheirOppositesDoNot() {
        ContainerModel strict = model(ConsentMode.opt_in, 2000, tag("1", "meta", ConsentCategory.marketing));
        ContainerModel loose = model(ConsentMode.opt_out, 500, tag("1", "meta", ConsentCategory.analytics));

        ContainerDiff loosening = ContainerDiffer.between(strict, loose, 1, 2);
        assertThat(loosening.changed()).singleElement().satisfies(c -> {
            assertThat(c.loosensConsent()).isTrue();
            assertThat(c.fields()).singleElement().isEqualTo(new ContainerDiff.FieldChange("Consent category", "marketing", "analytics", true));
        });
        assertThat(loosening.container()).extracting(ContainerDiff.FieldChange::field, ContainerDiff.FieldChange::loosensConsent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Consent policy", true),
                        org.assertj.core.groups.Tuple.tuple("Wait for consent platform (ms)", true));
        assertThat(loosening.loosening()).hasSize(3);

        ContainerDiff tightening = ContainerDiffer.between(loose, strict, 2, 3);
        assertThat(tightening.isEmpty()).isFalse();
        assertThat(tightening.loosensConsent()).isFalse();
    }

    @Test
    void removingATagOrChangingItsTriggerIsAChangeThatDoesNotLoosenConsent() {
        ContainerModel before = model(ConsentMode.opt_in, 500, tag("1", "meta", ConsentCategory.marketing), tag("2", "google", ConsentCategory.analytics));
        TagModel moved = new TagModel("1", "Tag 1", "meta", null, ConsentCategory.marketing, Map.of("pixelId", "123456789012345"),
                "Purchase", "Purchase", Map.of(), new TagModel.Trigger(TriggerType.page_load, null, UrlMatch.prefix, "/thank-you"));
        ContainerDiff diff = ContainerDiffer.between(before, model(ConsentMode.opt_in, 500, moved), 1, 2);
        assertThat(diff.removed()).extracting(TagModel::id).containsExactly("2");
        assertThat(diff.changed()).singleElement().satisfies(c -> assertThat(c.fields()).singleElement()
                .isEqualTo(new ContainerDiff.FieldChange("Trigger", "on page load, every page", "on page load, URL starts with /thank-you", false)));
        assertThat(diff.loosensConsent()).isFalse();
        assertThat(ContainerDiffer.between(before, before, 1, 1).isEmpty()).isTrue();
    }

    @Test
    void anotherSignalFewerTcfPurposesAnotherCmpCategoryOrCollectionTurnedOnLoosenConsent() {
        ContainerModel before = model(ConsentMode.opt_in, 500, tag("1", "meta", ConsentCategory.marketing));
        ConsentSettings d = ConsentSettings.defaults();
        ConsentSettings looser = new ConsentSettings(d.signals(), new ConsentSettings.TcfPurposes(d.tcfPurposes().analytics(), List.of(1, 2)),
                new ConsentSettings.CategoryNames("C0002", "C0001"), d.cookiebotCategories(), null);
        ContainerModel after = new ContainerModel(before.containerId(), before.name(), before.allowedOrigins(),
                ContainerModel.Consent.of(ConsentMode.opt_in, 500, looser), before.tags(), Map.of(), true);
        ContainerModel notCollecting = new ContainerModel(before.containerId(), before.name(), before.allowedOrigins(), before.consent(),
                before.tags(), Map.of(), false);
        List<String> loosening = ContainerDiffer.between(notCollecting, after, 1, null).loosening();
        assertThat(loosening).anyMatch(l -> l.startsWith("Fewer TCF purposes required"))
                .anyMatch(l -> l.startsWith("OneTrust groups changed"))
                .anyMatch(l -> l.startsWith("First-party collection turned on"));
        ContainerModel fewerSignals = new ContainerModel(before.containerId(), before.name(), before.allowedOrigins(),
                ContainerModel.Consent.of(ConsentMode.opt_in, 500, new ConsentSettings(List.of("tcf"), d.tcfPurposes(), d.oneTrustGroups(),
                        d.cookiebotCategories(), null)), before.tags(), Map.of(), true);
        assertThat(ContainerDiffer.between(fewerSignals, before, 1, null).loosening()).anyMatch(l -> l.startsWith("New consent signal"));
        assertThat(ContainerDiffer.between(before, fewerSignals, 1, null).loosensConsent()).as("listening to fewer signals").isFalse();
    }

    @Test
    void addingADeliveryChannelLoosensConsentAndDroppingOneDoesNot() {
        ContainerModel browser = model(ConsentMode.opt_in, 500, delivered(Delivery.browser));
        ContainerModel both = model(ConsentMode.opt_in, 500, delivered(Delivery.browser_and_server));
        ContainerModel server = model(ConsentMode.opt_in, 500, delivered(Delivery.server));
        ContainerDiff toBoth = ContainerDiffer.between(browser, both, 1, 2);
        assertThat(toBoth.loosensConsent()).isTrue();
        assertThat(toBoth.changed()).singleElement().satisfies(c -> assertThat(c.fields()).singleElement()
                .isEqualTo(new ContainerDiff.FieldChange("Delivery", "browser", "browser_and_server", true)));
        assertThat(ContainerDiffer.between(both, server, 2, 3).loosensConsent()).as("the page loses the vendor's code").isFalse();
        assertThat(ContainerDiffer.between(server, browser, 3, 4).loosensConsent()).as("vendor code back on the page").isTrue();
        assertThat(ContainerDiffer.between(both, browser, 4, 5).loosensConsent()).isFalse();
    }

    private static TagModel delivered(Delivery delivery) {
        return new TagModel("1", "Tag 1", "meta", null, ConsentCategory.marketing, Map.of("pixelId", "123456789012345"), "Purchase",
                "Purchase", Map.of(), new TagModel.Trigger(TriggerType.page_load, null, UrlMatch.any, null), null, null, delivery);
    }

    private static ContainerModel model(ConsentMode mode, int waitMs, TagModel... tags) {
        return new ContainerModel("TW-TEST0001", "Shop", List.of("https://shop.example"),
                ContainerModel.Consent.of(mode, waitMs, ConsentSettings.defaults()), List.of(tags), Map.of(), true);
    }

    private static TagModel tag(String id, String vendor, ConsentCategory category) {
        return new TagModel(id, "Tag " + id, vendor, null, category, Map.of("pixelId", "123456789012345"), "Purchase", "Purchase",
                Map.of(), new TagModel.Trigger(TriggerType.page_load, null, UrlMatch.any, null));
    }
}
