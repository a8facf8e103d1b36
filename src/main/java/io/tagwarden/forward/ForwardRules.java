package io.tagwarden.forward;

import io.tagwarden.collect.CollectedEvent;
import io.tagwarden.compile.TagModel;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which stored events a server-delivered tag forwards: the tag's Tagwarden event, its URL condition (when the event
 * has a page URL — a backend's event has none and matches on the event alone), and consent. All seven vendors are ad
 * vendors, so an event marked not-for-sale (GPC in the page or {@code Sec-GPC: 1}) is forwarded to none of them; a
 * marketing tag needs marketing consent, an analytics tag analytics consent, as in the browser; and an IAB vendor the
 * page's TCF signal refused gets nothing ({@link #refusedUnderTcf}).
 */
final class ForwardRules {

    private ForwardRules() {
    }

    static boolean forwards(TagModel tag, CollectedEvent event) {
        return forwards(tag, event, ForwardRules::compile);
    }

    /** {@code patterns} compiles a trigger's regular expression (the planner caches them); empty when it does not compile. */
    static boolean forwards(TagModel tag, CollectedEvent event, Function<String, Optional<Pattern>> patterns) {
        return tag.event().equals(event.eventName()) && urlMatches(tag.trigger(), event.pageUrl(), patterns) && consentAllows(tag, event);
    }

    static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean consentAllows(TagModel tag, CollectedEvent event) {
        if (event.notForSale() || refusedUnderTcf(tag, event)) {
            return false;
        }
        return switch (tag.category()) {
            case necessary -> true;
            case analytics -> event.analyticsGranted();
            case marketing -> event.marketingGranted();
        };
    }

    /**
     * The browser does not fire a tag whose IAB vendor the TCF signal refused, even with its category granted; the server
     * follows the page's list of refused vendor ids. Under TCF without that list, every IAB vendor counts as refused.
     */
    static boolean refusedUnderTcf(TagModel tag, CollectedEvent event) {
        if (tag.gvlId() == null) {
            return false;
        }
        if (event.refusedVendors() == null) {
            return "tcf".equals(event.consentSource());
        }
        return java.util.Arrays.asList(event.refusedVendors().split(",")).contains(String.valueOf(tag.gvlId()));
    }

    /** The runtime's URL conditions (triggers.js), applied to the page URL the event was collected on. */
    static boolean urlMatches(TagModel.Trigger trigger, String url, Function<String, Optional<Pattern>> patterns) {
        if (url == null) {
            return true;
        }
        String value = trigger.url() == null ? "" : trigger.url();
        return switch (trigger.match()) {
            case any -> true;
            case equals -> url.equals(value);
            case contains -> url.contains(value);
            case prefix -> url.startsWith(value) || pathAndAfter(url).startsWith(value);
            case regex -> regexFinds(patterns.apply(value), url);
        };
    }

    private static final int STEP_BUDGET = 200_000;

    /**
     * An editor's regular expression against an address a visitor controls, in the event writer's thread: given a budget
     * of character reads so a catastrophic pattern cannot stall ingest (over budget: no match).
     */
    static boolean regexFinds(Optional<Pattern> pattern, String url) {
        if (pattern.isEmpty()) {
            return false;
        }
        try {
            return pattern.get().matcher(new Budgeted(url, STEP_BUDGET)).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A string that allows a fixed number of character reads in all (a regex engine reads through charAt). */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final int[] left;

        Budgeted(String text, int budget) {
            this(text, new int[]{budget});
        }

        private Budgeted(String text, int[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
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
