package io.tagwarden.tag;

/** A trigger in words, as pages and diffs show it: "on page load, URL contains /thank-you". */
public final class TriggerText {

    private TriggerText() {
    }

    public static String describe(TriggerType on, String event, UrlMatch match, String url) {
        String when = on == TriggerType.custom_event ? "on event “" + event + "”" : "on page load";
        return switch (match == null ? UrlMatch.any : match) {
            case any -> when + ", every page";
            case equals -> when + ", URL equals " + url;
            case contains -> when + ", URL contains " + url;
            case prefix -> when + ", URL starts with " + url;
            case regex -> when + ", URL matches /" + url + "/";
        };
    }
}
