package org.hpcstatus.collector.pbs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code pbs_rstat -f}: one block per reservation, starting "Resv ID: M5121302.desched1", then "key = value" lines.
 * Each becomes a reservation row keyed by that id (PBS does not make Reserve_Name unique: a monthly window has the
 * same name every month).
 */
final class PbsReservations {

    private PbsReservations() {
    }

    static List<ObjectNode> parse(String output, ZoneId zone) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : output.lines().toList()) {
            String text = line.strip();
            if (text.startsWith("Resv ID:")) {
                current = new LinkedHashMap<>();
                current.put("Resv ID", text.substring("Resv ID:".length()).strip());
                blocks.add(current);
            } else if (current != null && text.contains(" = ")) {
                int eq = text.indexOf(" = ");
                current.put(text.substring(0, eq).strip(), text.substring(eq + 3).strip());
            }
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (Map<String, String> block : blocks) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("reservation_id", block.get("Resv ID"));
            row.put("reservation_name", block.getOrDefault("Reserve_Name", block.get("Resv ID")));
            putTime(row, "start_time", block.get("reserve_start"), zone);
            putTime(row, "end_time", block.get("reserve_end"), zone);
            String nodes = block.get("Resource_List.nodect");
            if (nodes != null && nodes.matches("\\d+")) {
                row.put("node_count", Integer.parseInt(nodes));
            }
            String state = block.get("reserve_state");
            if (state != null) {
                row.put("description", state.replace("RESV_", "").toLowerCase(Locale.ROOT)
                        + (block.containsKey("Reserve_Owner") ? ", owner " + block.get("Reserve_Owner").split("@")[0]
                                : ""));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void putTime(ObjectNode row, String field, String pbsTime, ZoneId zone) {
        LocalDateTime time = PbsJob.time(pbsTime);
        if (time != null) {
            row.put(field, time.atZone(zone).toOffsetDateTime().toString());
        }
    }
}
