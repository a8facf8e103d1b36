package io.tagwarden.ui;

import io.tagwarden.compliance.GatingMatrix;
import io.tagwarden.scan.ScanReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A scan report side by side with the gating matrix: one row per host or cookie (every one the matrix declares, and every
 * one the scan saw), what the matrix says of it, and per state whether it was seen and allowed.
 */
record ScanGrid(List<String> states, List<Boolean> passed, List<Row> rows) {

    record Row(String kind, String name, String declaredBy, List<Cell> cells) {
        public boolean failing() {
            return cells.stream().anyMatch(c -> c.status().equals("bad"));
        }
    }

    /** {@code status}: ok (seen, allowed), bad (seen, not allowed) or none (not seen). */
    record Cell(String status, String text, String why) {
    }

    static ScanGrid of(GatingMatrix matrix, ScanReport report) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (GatingMatrix.Row t : matrix.tags()) {
            String by = "“" + t.name() + "” (" + t.category() + ")";
            t.hosts().forEach(h -> declared.merge("host\n" + h.host(), by, (a, b) -> a.contains(b) ? a : a + ", " + b));
            t.cookies().forEach(c -> declared.merge("cookie\n" + c.name(), by, (a, b) -> a.contains(b) ? a : a + ", " + b));
        }
        Map<String, Boolean> keys = new LinkedHashMap<>();
        declared.keySet().forEach(k -> keys.put(k, true));
        report.states().forEach(s -> {
            s.hosts().forEach(f -> keys.putIfAbsent("host\n" + f.name(), true));
            s.cookies().forEach(f -> keys.putIfAbsent("cookie\n" + f.name(), true));
        });
        List<Row> rows = new ArrayList<>();
        for (String key : keys.keySet()) {
            String[] kindName = key.split("\n", 2);
            List<Cell> cells = new ArrayList<>();
            for (ScanReport.State s : report.states()) {
                List<ScanReport.Finding> seen = (kindName[0].equals("host") ? s.hosts() : s.cookies()).stream()
                        .filter(f -> f.name().equals(kindName[1])).toList();
                if (seen.isEmpty()) {
                    cells.add(new Cell("none", "—", "not seen"));
                } else {
                    boolean ok = seen.stream().allMatch(ScanReport.Finding::allowed);
                    cells.add(new Cell(ok ? "ok" : "bad", (ok ? "✓ allowed" : "✗ not allowed") + (kindName[0].equals("host") ? " · " + seen.get(0).detail() : ""),
                            seen.stream().map(ScanReport.Finding::why).distinct().collect(Collectors.joining("; "))));
                }
            }
            // Not in the matrix but allowed everywhere it was seen: the page itself or Tagwarden; say which.
            String undeclared = cells.stream().allMatch(c -> !c.status().equals("bad"))
                    ? cells.stream().filter(c -> c.status().equals("ok")).map(Cell::why).findFirst().orElse("not declared by any tag")
                    : "not declared by any tag";
            rows.add(new Row(kindName[0], kindName[1], declared.getOrDefault(key, undeclared), cells));
        }
        return new ScanGrid(report.states().stream().map(ScanReport.State::label).toList(),
                report.states().stream().map(ScanReport.State::passed).toList(), rows);
    }
}
