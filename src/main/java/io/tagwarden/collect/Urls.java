package io.tagwarden.collect;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;

/** Page addresses as stored: click-id parameters removed from the query when consent does not allow them. */
final class Urls {

    private Urls() {
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
                .filter(p -> !p.isEmpty() && !names.contains(p.contains("=") ? p.substring(0, p.indexOf('=')) : p))
                .collect(Collectors.joining("&"));
        return base + (kept.isEmpty() ? "" : "?" + kept) + tail;
    }
}
