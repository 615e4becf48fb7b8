package org.hpcstatus.dashboard;

import java.time.ZonedDateTime;
import java.util.List;

import org.hpcstatus.snapshot.Freshness;
import org.hpcstatus.snapshot.Utilization;
import org.hpcstatus.snapshot.SystemState;

/** What the pages show, as plain records: entities never reach a template. Times are already in the display zone. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** A count, out of a total when there is one: "CPU nodes" "1,850 / 2,488". Null values render as n/a. */
    public record Figure(String label, Integer value, Integer total) {
    }

    /** service: the hub's own word on itself (Up, Down, Not reported); null for kinds that have none. */
    public record Card(String name, String displayName, SystemState state, List<String> reasons, Freshness freshness,
            ZonedDateTime updatedAt, long ageSeconds, String service, List<Figure> figures,
            List<Utilization> bars, List<Figure> jobs) {

        public boolean stale() {
            return freshness == Freshness.STALE;
        }

        public boolean noData() {
            return freshness == Freshness.NO_DATA;
        }

        /** Why a system is not simply operational; stale and no-data say so themselves. */
        public boolean showReasons() {
            return !reasons.isEmpty() && (state == SystemState.DOWN || state == SystemState.DEGRADED);
        }
    }

    public record OutageRow(long id, String systemName, String systemDisplayName, String severity, String status,
            String component, String title, String description, ZonedDateTime start, ZonedDateTime estimatedResolution) {
    }

    /** status is one of: available, degraded, inaccessible. */
    public record LoginNodeRow(String name, String type, String status, Integer users, Double load1, Double load5,
            Double load15) {
    }

    public record LoginNodeGroup(String label, List<LoginNodeRow> nodes) {
    }

    public record QueueRow(String name, Integer running, Integer pending, Integer held, Integer users,
            Integer coresAllocated, Integer gpusAllocated, Integer nodesAllocated) {
    }

    /** status is one of: available, degraded, unavailable. */
    public record FilesystemRow(String name, String status, Double capacityTb, Double usedTb, Double percent) {
    }

    public record NodeTypeRow(String name, Integer total, Integer available, Integer down, Integer allocated,
            Integer coresPerNode, Double memoryGbPerNode, String gpuModel, Integer gpusPerNode, Double percent,
            Double memoryPercent) {
    }

    public record Detail(Card card, List<LoginNodeGroup> loginNodes, List<Figure> partitions, List<Utilization> utilization,
            List<QueueRow> queues, List<FilesystemRow> filesystems, List<NodeTypeRow> nodeTypes,
            List<OutageRow> outages) {
    }
}
