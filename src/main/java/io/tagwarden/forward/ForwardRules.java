package io.tagwarden.forward;

import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.compile.TagModel;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which stored events a server-delivered tag forwards: the tag's Tagwarden event, its URL condition (when the event
 * has a page URL — a backend's event has none and matches on the event alone), and consent. All seven vendors are ad
 * vendors, so an event marked not-for-sale (GPC in the page or {@code Sec-GPC: 1}) is forwarded to none of them; a
 * marketing tag needs marketing consent, an analytics tag analytics consent, as in the browser.
 */
final class ForwardRules {

    private ForwardRules() {
    }

    static boolean forwards(TagModel tag, CollectedEvent event) {
        return tag.event().equals(event.eventName()) && urlMatches(tag.trigger(), event.pageUrl()) && consentAllows(tag, event);
    }

    static boolean consentAllows(TagModel tag, CollectedEvent event) {
        if (event.notForSale()) {
            return false;
        }
        return switch (tag.category()) {
            case necessary -> true;
            case analytics -> event.analyticsGranted();
            case marketing -> event.marketingGranted();
        };
    }

    /** The runtime's URL conditions (triggers.js), applied to the page URL the event was collected on. */
    static boolean urlMatches(TagModel.Trigger trigger, String url) {
        if (url == null) {
            return true;
        }
        String value = trigger.url() == null ? "" : trigger.url();
        return switch (trigger.match()) {
            case any -> true;
            case equals -> url.equals(value);
            case contains -> url.contains(value);
            case prefix -> url.startsWith(value) || pathAndAfter(url).startsWith(value);
            case regex -> {
                try {
                    yield Pattern.compile(value).matcher(url).find();
                } catch (PatternSyntaxException e) {
                    yield false;
                }
            }
        };
    }

    private static String pathAndAfter(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }
}
