package io.tagwarden.forward;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** The Forwarding page's model, computed here so the template only reads values (no logic in Thymeleaf). */
@Singleton
public class ForwardingPage {

    static final int DAYS = 30;
    static final int DEAD_SHOWN = 100;

    /** One credentials field as the form shows it: a non-secret's value, or a secret's hint (never the secret). */
    public record Field(String key, String label, String help, boolean secret, boolean required, String value, String hint) {
    }

    /** One vendor's card. */
    public record Card(String vendor, String name, boolean configured, List<String> missing, @Nullable String updated,
                       List<Field> fields, Map<String, Long> jobs, long serverTags, boolean ready) {
    }

    public record View(List<Card> vendors, List<ForwardJob> dead, List<ForwardStats.Day> daily, boolean anyJobs, String chartVendor) {
    }

    private final Forwarding forwarding;
    private final ForwardStats stats;

    ForwardingPage(Forwarding forwarding, ForwardStats stats) {
        this.forwarding = forwarding;
        this.stats = stats;
    }

    /** {@code chartVendor}: the vendor the chart shows, or null (or unknown) for all of them. */
    public View view(String containerId, @Nullable String chartVendor) {
        List<Card> cards = forwarding.overview(containerId).stream().map(ForwardingPage::card).toList();
        String shown = cards.stream().map(Card::vendor).filter(v -> v.equals(chartVendor)).findFirst().orElse(null);
        List<ForwardStats.Day> daily = stats.daily(containerId, DAYS, shown);
        boolean any = daily.stream().anyMatch(d -> d.delivered() + d.pending() + d.failed() > 0);
        return new View(cards, forwarding.jobs(containerId, "dead", null, DEAD_SHOWN), daily, any, shown == null ? "" : shown);
    }

    private static Card card(Forwarding.VendorStatus s) {
        Map<String, String> shown = s.credentials() == null ? Map.of() : s.credentials().values();
        List<Field> fields = s.fields().stream().map(f -> new Field(f.key(), f.label(), f.help(), f.secret(), f.required(),
                f.secret() ? "" : shown.getOrDefault(f.key(), ""), f.secret() ? shown.getOrDefault(f.key(), "") : "")).toList();
        List<String> missing = s.credentials() == null
                ? s.fields().stream().filter(CredentialField::required).map(CredentialField::label).toList()
                : s.credentials().missing();
        String updated = s.credentials() == null ? null : s.credentials().updatedAt() + " by " + s.credentials().updatedBy();
        return new Card(s.vendor(), s.name(), s.credentials() != null, missing, updated, fields, s.jobs(), s.serverTags(),
                s.credentials() != null && missing.isEmpty());
    }
}
