package org.hpcstatus.outage;

import static org.hpcstatus.contract.Field.text;
import static org.hpcstatus.contract.Field.timestamp;

import java.util.List;

import org.hpcstatus.contract.Field;

/** The JSON fields of an outage, as the collectors guide names them. */
public final class OutageFields {

    /** Most severe first: the dashboard banner sorts by this order. */
    public static final List<String> SEVERITIES = List.of("critical", "major", "minor", "maintenance");
    public static final List<String> STATUSES = List.of("investigating", "identified", "monitoring", Outage.RESOLVED);

    public static final List<Field<Outage>> ALL = List.of(
            text("system_name", 64, (Outage o) -> o.systemName, (o, v) -> o.systemName = v).mandatory(),
            text("title", 200, (Outage o) -> o.title, (o, v) -> o.title = v).mandatory(),
            text("severity", 16, (Outage o) -> o.severity, (o, v) -> o.severity = v).mandatory()
                    .oneOf(SEVERITIES.toArray(String[]::new)),
            text("status", 16, (Outage o) -> o.status, (o, v) -> o.status = v).mandatory()
                    .oneOf(STATUSES.toArray(String[]::new)),
            text("component", 100, (Outage o) -> o.component, (o, v) -> o.component = v),
            text("description", 4000, (Outage o) -> o.description, (o, v) -> o.description = v),
            timestamp("start_time", o -> o.startTime, (o, v) -> o.startTime = v),
            timestamp("end_time", o -> o.endTime, (o, v) -> o.endTime = v),
            timestamp("estimated_resolution", o -> o.estimatedResolution, (o, v) -> o.estimatedResolution = v));

    private OutageFields() {
    }
}
