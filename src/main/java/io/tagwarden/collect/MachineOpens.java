package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probable machine fetches of an email pixel, recognised as publicly documented: Apple Mail Privacy Protection
 * fetches every image through Apple's relays (Apple's 17.0.0.0/8 network, user agent just {@code Mozilla/5.0});
 * Gmail and Yahoo fetch through image proxies that name themselves ({@code GoogleImageProxy}, {@code YahooMailProxy});
 * mail security scanners and HTTP libraries say what they are. Such opens are flagged, not counted as human.
 */
final class MachineOpens {

    private static final List<String> MARKERS = List.of("googleimageproxy", "yahoomailproxy", "ggpht.com", "barracuda",
            "mimecast", "proofpoint", "symantec", "bot", "crawler", "spider", "preview", "headlesschrome", "python-",
            "curl/", "wget/", "go-http-client", "java/", "okhttp", "libwww", "scanner");

    private MachineOpens() {
    }

    static boolean isMachine(@Nullable String userAgent, @Nullable String ip) {
        if (userAgent == null || userAgent.isBlank() || userAgent.strip().equals("Mozilla/5.0")) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (MARKERS.stream().anyMatch(ua::contains)) {
            return true;
        }
        return fromApple(ip);
    }

    private static boolean fromApple(@Nullable String ip) {
        Optional<InetAddress> address = IpAddresses.parse(ip);
        return address.isPresent() && address.get() instanceof Inet4Address && (address.get().getAddress()[0] & 0xff) == 17;
    }
}
