package org.hpcstatus.outage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hpcstatus.contract.Field;

/** What a change did to an outage, in words for its timeline: "severity major → critical; estimated_resolution set". */
final class OutageChanges {

    /** Identify the outage (a collector's re-post matches on them) rather than describe it. */
    private static final Set<String> IDENTITY = Set.of("system_name");

    private OutageChanges() {
    }

    /** The fields {@code changed} sets to another value than {@code before} has; null values in it are no change. */
    static String between(Outage before, Outage changed) {
        List<String> said = new ArrayList<>();
        for (Field<Outage> field : OutageFields.ALL) {
            Object now = field.getter().apply(changed);
            Object was = field.getter().apply(before);
            if (IDENTITY.contains(field.name()) || now == null || Objects.equals(now, was)) {
                continue;
            }
            said.add(describe(field.name(), was, now));
        }
        return String.join("; ", said);
    }

    /** A field cleared (set to null) by a partial update. */
    static String cleared(String field) {
        return field + " cleared";
    }

    private static String describe(String field, Object was, Object now) {
        if (field.equals("description")) {
            return was == null ? "description added" : "description changed";
        }
        return was == null ? field + " set to " + now : field + " " + was + " → " + now;
    }
}
