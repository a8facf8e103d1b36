package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;

/** Page addresses as stored: click-id parameters removed from the query when consent does not allow them. */
final class Urls {

    private Urls() {
    }

    /** The parameter's name, percent-decoded and lowercased (click-id names are all lowercase). */
    private static String decodedName(String pair) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        try {
            name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep it as it is
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @Nullable
    static String withoutParams(@Nullable String url, Set<String> names) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        String base = url.substring(0, query);
        String params = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        String tail = fragment < 0 ? "" : url.substring(fragment);
        String kept = Arrays.stream(params.split("&"))
                .filter(p -> !p.isEmpty() && !names.contains(decodedName(p)))
                .collect(Collectors.joining("&"));
        return base + (kept.isEmpty() ? "" : "?" + kept) + tail;
    }
}
