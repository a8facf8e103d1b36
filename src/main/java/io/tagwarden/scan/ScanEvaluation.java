package io.tagwarden.scan;

import io.tagwarden.compliance.GatingMatrix;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the gating matrix allows in one state, applied to what the browser saw there. Allowed: the scanned page's own
 * host, the Tagwarden host that served this container's script, and the hosts and cookies declared by tags whose
 * category is granted in the state (no choice yet: necessary only, or every category under the opt-out policy; reject:
 * necessary; accept: all; GPC: all but what the matrix says GPC blocks). A host or cookie declared only by tags not
 * granted in the state fails it, and so does one no tag declares ("undeclared"): the matrix is the promise. A state whose
 * recording is incomplete (the browser failed or hit the time limit) fails too.
 */
final class ScanEvaluation {

    static final Set<String> CHOICE_COOKIES = Set.of("tw_consent");
    static final Set<String> CONSENTED_COOKIES = Set.of("tw_vid", "tw_clk");

    private ScanEvaluation() {
    }

    static ScanReport.State evaluate(GatingMatrix matrix, ScanState state, Observation seen, Set<String> pageHosts) {
        Pattern script = Pattern.compile("/c/" + Pattern.quote(matrix.containerId()) + "(@[0-9]+)?\\.js");
        Set<String> tagwardenHosts = seen.requests().stream().filter(r -> script.matcher(path(r.url())).matches())
                .map(Observation.Request::host).collect(Collectors.toSet());
        boolean anyConsent = matrix.tags().stream().anyMatch(t -> granted(matrix, t, state) && !t.category().equals("necessary"))
                || state != ScanState.no_choice && state != ScanState.reject_all;

        Map<String, List<Observation.Request>> byHost = new LinkedHashMap<>();
        seen.requests().forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        List<ScanReport.Finding> hosts = new ArrayList<>();
        byHost.forEach((host, requests) -> {
            String count = requests.size() + (requests.size() == 1 ? " request" : " requests");
            if (requests.stream().anyMatch(Observation.Request::refused)) {
                hosts.add(new ScanReport.Finding(host, count, false, "blocked by the scan: its address is not allowed (private or local network)"));
            } else if (pageHosts.contains(host)) {
                hosts.add(new ScanReport.Finding(host, count, true, "the scanned page's own host"));
            } else if (tagwardenHosts.contains(host)) {
                hosts.add(new ScanReport.Finding(host, count, true, "Tagwarden: served this container's script"));
            } else {
                hosts.add(judge(matrix, state, host, count, matrix.tags().stream()
                        .filter(t -> t.hosts().stream().anyMatch(h -> h.host().equalsIgnoreCase(host))).toList()));
            }
        });
        List<ScanReport.Finding> cookies = new ArrayList<>();
        for (Observation.Cookie c : seen.cookies()) {
            if (CHOICE_COOKIES.contains(c.name())) {
                boolean ok = state != ScanState.no_choice;
                cookies.add(new ScanReport.Finding(c.name(), c.domain(), ok, ok ? "Tagwarden: remembers the visitor's choice"
                        : "Tagwarden's choice cookie, but no choice was made"));
            } else if (CONSENTED_COOKIES.contains(c.name())) {
                cookies.add(new ScanReport.Finding(c.name(), c.domain(), anyConsent, anyConsent ? "Tagwarden: set with analytics or marketing granted"
                        : "Tagwarden's cookie for granted consent, but nothing is granted in this state"));
            } else {
                cookies.add(judge(matrix, state, c.name(), c.domain(), matrix.tags().stream()
                        .filter(t -> t.cookies().stream().anyMatch(k -> k.name().equals(c.name()))).toList()));
            }
        }
        boolean passed = seen.complete() && hosts.stream().allMatch(ScanReport.Finding::allowed) && cookies.stream().allMatch(ScanReport.Finding::allowed);
        return new ScanReport.State(state.name(), state.label(), passed, hosts, cookies, seen.notes());
    }

    private static ScanReport.Finding judge(GatingMatrix matrix, ScanState state, String name, String detail, List<GatingMatrix.Row> declaredBy) {
        if (declaredBy.isEmpty()) {
            return new ScanReport.Finding(name, detail, false, "undeclared: no tag of this version declares it");
        }
        List<GatingMatrix.Row> granted = declaredBy.stream().filter(t -> granted(matrix, t, state)).toList();
        if (!granted.isEmpty()) {
            return new ScanReport.Finding(name, detail, true, "declared by " + labels(granted) + ", granted in this state");
        }
        return new ScanReport.Finding(name, detail, false, "declared by " + labels(declaredBy) + ", not granted in this state");
    }

    /** Whether the matrix lets this tag fire in this state. */
    static boolean granted(GatingMatrix matrix, GatingMatrix.Row tag, ScanState state) {
        if (tag.category().equals("necessary")) {
            return true;
        }
        return switch (state) {
            case no_choice -> matrix.policy().beforeChoice().startsWith("opt-out");
            case reject_all -> false;
            case accept_all -> true;
            case gpc -> !tag.gpc().startsWith("blocked");
        };
    }

    private static String labels(List<GatingMatrix.Row> rows) {
        return rows.stream().map(r -> "“" + r.name() + "” (" + r.category() + ")").distinct().collect(Collectors.joining(", "));
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String path(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
