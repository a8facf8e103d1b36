package io.tagwarden.tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * When a tag fires. {@code event} names the page event for {@code custom_event} triggers; {@code url}
 * is compared with the page URL unless {@code urlMatch} is {@code any} (the default).
 */
@Serdeable
public record TriggerRequest(
        @NotNull @Pattern(regexp = "page_load|custom_event", message = "must be page_load or custom_event") String on,
        @Nullable @Pattern(regexp = "^[A-Za-z0-9_.:-]{1,100}$",
                message = "must be 1 to 100 letters, digits or _ . : -") String event,
        @Nullable @Pattern(regexp = "any|equals|contains|prefix|regex", message = "must be any, equals, contains, prefix or regex") String urlMatch,
        @Nullable @Size(max = 2000) String url) {

    public UrlMatch matchOrAny() {
        return urlMatch == null ? UrlMatch.any : UrlMatch.valueOf(urlMatch);
    }

    public TriggerType type() {
        return TriggerType.valueOf(on);
    }

    public static TriggerRequest allPages() {
        return of(TriggerType.page_load, null, UrlMatch.any, null);
    }

    public static TriggerRequest of(TriggerType on, String event, UrlMatch match, String url) {
        return new TriggerRequest(on.name(), event, match == null ? null : match.name(), url);
    }
}
