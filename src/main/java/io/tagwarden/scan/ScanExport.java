package io.tagwarden.scan;

import java.util.List;
import java.util.stream.Collectors;

/** A scan report as CSV: one line per host or cookie per state (formula-like cells prefixed with '). */
final class ScanExport {

    private ScanExport() {
    }

    static String csv(Scans.Stored scan) {
        ScanReport r = scan.report();
        StringBuilder out = new StringBuilder("scan,container,version,url,state,state_passed,kind,name,detail,allowed,why\r\n");
        for (ScanReport.State s : r.states()) {
            for (ScanReport.Finding f : s.hosts()) {
                line(out, scan, s, "host", f);
            }
            for (ScanReport.Finding f : s.cookies()) {
                line(out, scan, s, "cookie", f);
            }
            for (String note : s.notes()) {
                line(out, scan, s, "note", new ScanReport.Finding(note, "", s.passed(), ""));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Scans.Stored scan, ScanReport.State s, String kind, ScanReport.Finding f) {
        ScanReport r = scan.report();
        List<String> cells = List.of(Long.toString(scan.id()), r.containerId(), Integer.toString(r.version()), r.url(), s.state(),
                Boolean.toString(s.passed()), kind, f.name(), f.detail(), Boolean.toString(f.allowed()), f.why());
        out.append(cells.stream().map(ScanExport::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
