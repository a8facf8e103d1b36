package io.tagwarden.compliance;

import java.util.List;
import java.util.stream.Collectors;

/** The gating matrix as CSV, one line per tag (multi-valued cells joined with " | "; formula-like cells prefixed with '). */
final class MatrixExport {

    private MatrixExport() {
    }

    static String csv(GatingMatrix m) {
        StringBuilder out = new StringBuilder("container,version,tag,name,vendor,event,vendor_event,trigger,category,granted_by,gpc,hosts,cookies,server_side\r\n");
        for (GatingMatrix.Row r : m.tags()) {
            List<String> cells = List.of(m.containerId(), Integer.toString(m.version()), r.tagId(), r.name(), r.vendorName(), r.event(),
                    r.vendorEvent(), r.trigger(), r.category(), String.join(" | ", r.grantedBy()), r.gpc(),
                    r.hosts().stream().map(h -> h.host() + " (" + h.reason() + ")").collect(Collectors.joining(" | ")),
                    r.cookies().stream().map(c -> c.name() + " (" + c.reason() + ")").collect(Collectors.joining(" | ")),
                    r.serverSide());
            out.append(cells.stream().map(MatrixExport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
