package io.tagwarden.scan;

import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a scan may load. Only http and https, no user name or password in the address, and no host that
 * resolves to a loopback, private (RFC 1918, fc00::/7, 100.64/10), link-local (169.254/16, the cloud metadata address
 * among them, fe80::/10), unspecified or multicast address, unless the host or its network is listed in
 * {@code tagwarden.scan.allowed-addresses}: a scan must not become a way to reach the server's own network.
 * {@link #problemWith} checks the address a user asks for; {@link #allowsRequest} every request the page then makes
 * (redirects and sub-resources included), as Chromium sends it.
 */
@Singleton
public class AddressPolicy {

    static final int MAX_URL = 2000;

    private final HostResolver resolver;
    private final List<String> allowedHosts;
    private final List<Network> allowedNetworks;

    AddressPolicy(HostResolver resolver, ScanConfiguration config) {
        this.resolver = resolver;
        this.allowedHosts = config.allowedAddresses().stream().filter(a -> Network.parse(a).isEmpty())
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.allowedNetworks = config.allowedAddresses().stream().map(Network::parse).flatMap(Optional::stream).toList();
    }

    /** What is wrong with this address as a page to scan, in words for the person who typed it; empty when it may be scanned. */
    public Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Give the address of the page to scan.");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("The address is longer than " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("That is not a valid address: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Only http:// and https:// addresses can be scanned, not " + (scheme.isEmpty() ? "this" : scheme + ":") + ".");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("The address must not contain a user name or password.");
        }
        // java.net.URI leaves the host empty for names it does not accept as host names (0x7f.1, 127.1): take the authority.
        String host = uri.getHost() != null ? uri.getHost()
                : uri.getRawAuthority() == null ? null : uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
        if (host == null || host.isEmpty()) {
            return Optional.of("The address has no host name.");
        }
        return problemWithHost(host, true);
    }

    /** Whether the page may make this request (any scheme but http, https, ws and wss never leaves the browser). */
    public boolean allowsRequest(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("http", "https", "ws", "wss").contains(scheme)) {
                return true;
            }
            return uri.getHost() != null && uri.getRawUserInfo() == null && problemWithHost(uri.getHost(), false).isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Optional<String> problemWithHost(String rawHost, boolean mustResolve) {
        String host = rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1) : rawHost;
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        // Browsers read 2130706433, 0x7f.1 or 017.0.0.1 as IPv4 addresses where Java's resolver may not: refuse them.
        if (host.matches("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}")
                && !host.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}")) {
            return Optional.of("The host " + rawHost + " is a number the browser would read as an IP address; write it as a.b.c.d.");
        }
        List<InetAddress> addresses;
        try {
            // Chromium answers localhost and every *.localhost name with loopback itself, without asking DNS.
            addresses = host.equals("localhost") || host.endsWith(".localhost")
                    ? List.of(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})) : resolver.resolve(host);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("The host " + rawHost + " could not be resolved.") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent() && allowedNetworks.stream().noneMatch(n -> n.contains(address))) {
                return Optional.of("The host " + rawHost + " resolves to " + address.getHostAddress() + ", " + kind.get()
                        + " address; scanning it is not allowed unless an administrator lists it in tagwarden.scan.allowed-addresses.");
            }
        }
        return Optional.empty();
    }

    /** Why this address is off limits by default, if it is ("a loopback", "a private"…). */
    static Optional<String> forbiddenKind(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (a.isAnyLocalAddress() || (b.length == 4 && (b[0] & 0xff) == 0)) {
            return Optional.of("an unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (a.isSiteLocalAddress() || (b.length == 16 && (b[0] & 0xfe) == 0xfc)
                || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64)
                || (b.length == 4 && (b[0] & 0xff) >= 240)) {
            return Optional.of("a private");
        }
        if (a instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            return Optional.of("an IPv4-compatible");
        }
        return Optional.empty();
    }

    /** An address block from configuration: {@code 10.0.0.0/8}, {@code fd00::/8} or one address. */
    record Network(byte[] base, int prefix) {

        static Optional<Network> parse(String text) {
            String[] parts = text.split("/", 2);
            String address = parts[0].strip();
            if (!address.matches("[0-9.]+") && !address.contains(":")) {
                return Optional.empty();
            }
            try {
                byte[] base = InetAddress.getByName(address).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : base.length * 8;
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("tagwarden.scan.allowed-addresses: bad prefix in " + text);
                }
                return Optional.of(new Network(base, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("tagwarden.scan.allowed-addresses: cannot read " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
