package io.tagwarden.audit;

import java.util.List;

/** The audit trail as CSV (RFC 4180; cells that a spreadsheet would run as formulas are prefixed with '). */
final class AuditExport {

    private AuditExport() {
    }

    static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("id,at,actor,kind,container,subject,before,after,prev_hash,hash\r\n");
        for (AuditEntry e : entries) {
            out.append(e.id()).append(',').append(e.at()).append(',').append(cell(e.actor())).append(',').append(cell(e.kind()))
                    .append(',').append(cell(e.containerId())).append(',').append(cell(e.subject())).append(',')
                    .append(cell(e.beforeJson())).append(',').append(cell(e.afterJson())).append(',').append(e.prevHash())
                    .append(',').append(e.hash()).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
