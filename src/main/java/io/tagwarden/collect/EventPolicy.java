package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The server's own consent rules: an event is stored with only what its consent state allows, whatever the page
 * sent. GPC (in the page or as {@code Sec-GPC: 1}) marks it not for sale or sharing and counts as a marketing refusal.
 * <ul>
 *   <li>always: container, event name and id, times, the consent state, the page address without click ids,
 *       custom parameters (order value, currency, content ids…);</li>
 *   <li>with analytics or marketing: visitor id, IP address (truncated unless the container keeps full ones),
 *       user agent, referrer;</li>
 *   <li>with marketing and no GPC: click ids (also in the addresses) and hashed user identifiers.</li>
 * </ul>
 */
@Singleton
class EventPolicy {

    private final ObjectMapper json;
    private final Set<String> clickIdNames;
    private final EventIds ids;

    EventPolicy(ObjectMapper json, ClickIdNames clickIdNames, EventIds ids) {
        this.ids = ids;
        this.json = json;
        this.clickIdNames = clickIdNames.all();
    }

    /** Whether the event's consent allows a visitor id (and so the visitor cookie). */
    static boolean allowsVisitorId(IncomingEvent in) {
        return in.consent().analytics() == ConsentClaim.Decision.granted || in.consent().marketing() == ConsentClaim.Decision.granted;
    }

    static boolean notForSale(IncomingEvent in, Arrival arrival) {
        return in.consent().gpc() || arrival.secGpc();
    }

    CollectedEvent admit(String containerId, IncomingEvent in, Arrival arrival, CollectSettings settings, @Nullable String visitorId) {
        boolean notForSale = notForSale(in, arrival);
        boolean analytics = in.consent().analytics() == ConsentClaim.Decision.granted;
        boolean marketing = in.consent().marketing() == ConsentClaim.Decision.granted && !notForSale;
        boolean personal = analytics || marketing;
        // From a backend, the request's own address and user agent are the backend's, not the visitor's.
        boolean backend = arrival.channel() == Arrival.Channel.server;
        String ip = in.ip() != null ? in.ip() : backend ? null : arrival.ip();
        String userAgent = in.userAgent() != null ? in.userAgent() : backend ? null : arrival.userAgent();
        String eventId = in.eventId() != null ? in.eventId() : UUID.randomUUID().toString();
        IncomingEvent.HashedUser user = marketing ? in.user() : IncomingEvent.HashedUser.NONE;
        return new CollectedEvent(ids.next(), containerId, eventId, in.event(), arrival.channel().name(),
                arrival.receivedAt(), in.clientTime(),
                marketing ? in.url() : Urls.withoutParams(in.url(), clickIdNames),
                personal ? (marketing ? in.referrer() : Urls.withoutParams(in.referrer(), clickIdNames)) : null,
                personal ? truncate(userAgent, 500) : null,
                personal ? IpAddresses.forStorage(ip, settings.keepsFullIp()).orElse(null) : null,
                allowsVisitorId(in) ? visitorId : null,
                analytics, marketing, in.consent().source(), in.consent().gpc(), arrival.secGpc(), notForSale,
                arrival.channel() == Arrival.Channel.pixel ? MachineOpens.isMachine(userAgent, ip) : null,
                marketing && !in.clickIds().isEmpty() ? write(new TreeMap<>(in.clickIds())) : null,
                in.paramsJson(),
                user.email(), user.phone(), user.phoneE164(), user.externalId(),
                in.consent().refusedVendors() == null ? null
                        : String.join(",", in.consent().refusedVendors().stream().map(String::valueOf).toList()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
