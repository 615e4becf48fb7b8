package org.hpcstatus.operator;

import java.util.List;

import org.hpcstatus.incident.OutageHistory;

/** What the operator pages show. */
public final class OperatorViews {

    private OperatorViews() {
    }

    /** A choice in a select: the value sent, the label shown. */
    public record Choice(String value, String label) {
    }

    /** /operator: the unresolved outages (upcoming maintenance too), the form to report one, the form to schedule. */
    public record Home(List<OutageHistory.Incident> open, OutageForm report, OutageForm maintenance, List<Choice> systems,
            List<String> severities, List<String> statuses, String zone, String notice, String error) {
    }

    /** /operator/outages/{id}: the outage with its timeline and the forms that change it. */
    public record OneOutage(OutageHistory.Incident incident, boolean resolved, OutageForm form, List<String> severities,
            List<String> statuses, String zone, String notice, String error) {
    }
}
