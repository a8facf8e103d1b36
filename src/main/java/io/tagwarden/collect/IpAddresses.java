package io.tagwarden.collect;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Client IP addresses as stored: truncated by default (IPv4 last octet, IPv6 last 80 bits set to zero). */
final class IpAddresses {

    private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    private IpAddresses() {
    }

    /** The address in canonical text form, truncated unless {@code full}; empty if it is not an IP literal. */
    static Optional<String> forStorage(String address, boolean full) {
        Optional<InetAddress> parsed = parse(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get().getAddress();
        if (!full) {
            int keep = parsed.get() instanceof Inet4Address ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
        }
        try {
            InetAddress result = InetAddress.getByAddress(bytes);
            return Optional.of(result instanceof Inet6Address ? compress(result.getHostAddress()) : result.getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** RFC 5952 text form: the longest run of two or more zero groups becomes "::". */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** An IP literal (never a host name: nothing is looked up), IPv4-mapped IPv6 as IPv4. */
    static Optional<InetAddress> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!LITERAL.matcher(literal).matches() || (!literal.contains(":") && !literal.matches("^[0-9.]+$"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
