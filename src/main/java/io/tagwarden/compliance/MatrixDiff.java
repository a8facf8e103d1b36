package io.tagwarden.compliance;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changes in the gating matrix between two versions: policy lines, tags added and removed, tag fields changed. */
@Serdeable
public record MatrixDiff(int from, int to, List<String> policy, List<String> added, List<String> removed, List<String> changed) {

    static MatrixDiff between(GatingMatrix a, GatingMatrix b) {
        List<String> policy = new ArrayList<>();
        compare(policy, "Before the visitor decides", a.policy().beforeChoice(), b.policy().beforeChoice());
        compare(policy, "Wait for a consent platform (ms)", a.policy().cmpWaitMs(), b.policy().cmpWaitMs());
        compare(policy, "Signals", a.policy().signals(), b.policy().signals());
        compare(policy, "Banner revision", a.policy().bannerRevision(), b.policy().bannerRevision());
        compare(policy, "First-party collection", a.policy().firstPartyCollection(), b.policy().firstPartyCollection());
        Map<String, GatingMatrix.Row> before = byId(a.tags());
        Map<String, GatingMatrix.Row> after = byId(b.tags());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((id, row) -> {
            GatingMatrix.Row old = before.get(id);
            if (old == null) {
                added.add(label(row) + " (" + row.category() + ")");
                return;
            }
            String name = label(row);
            compare(changed, name + ": consent category", old.category(), row.category());
            compare(changed, name + ": event", old.vendorEvent(), row.vendorEvent());
            compare(changed, name + ": trigger", old.trigger(), row.trigger());
            compare(changed, name + ": granted by", old.grantedBy(), row.grantedBy());
            compare(changed, name + ": hosts", old.hosts(), row.hosts());
            compare(changed, name + ": cookies", old.cookies(), row.cookies());
        });
        before.forEach((id, row) -> {
            if (!after.containsKey(id)) {
                removed.add(label(row));
            }
        });
        return new MatrixDiff(a.version(), b.version(), policy, added, removed, changed);
    }

    private static String label(GatingMatrix.Row row) {
        return "“" + row.name() + "” (" + row.vendorName() + ", " + row.vendorEvent() + ")";
    }

    private static void compare(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + ": " + before + " → " + after);
        }
    }

    private static Map<String, GatingMatrix.Row> byId(List<GatingMatrix.Row> rows) {
        Map<String, GatingMatrix.Row> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.tagId(), r));
        return map;
    }
}
