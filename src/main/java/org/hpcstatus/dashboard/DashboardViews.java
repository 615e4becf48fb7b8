package org.hpcstatus.dashboard;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hpcstatus.glance.Upcoming;
import org.hpcstatus.history.UserLoad;
import org.hpcstatus.kind.Utilization;
import org.hpcstatus.status.Freshness;
import org.hpcstatus.status.StateRules.Verdict;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.web.Formats;

/** What the pages show, as plain records: entities never reach a template. Times are already in the display zone. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** A count, out of a total when there is one: "CPU nodes" "1,850 / 2,488". Null values render as n/a. */
    public record Figure(String label, Integer value, Integer total) {
    }

    /**
     * Availability on a system's page: the percent not down per window, and a cell per day of the last 90 (worst
     * outage of the day: ok, maintenance, degraded, down), with a sentence saying the same for screen readers.
     */
    public record AvailabilityView(List<Percent> percents, List<DayCell> days, String summary) {
    }

    /** A window's availability, and over how much of it it was measured (null: the whole window). */
    public record Percent(String label, String value, String over) {
    }

    public record DayCell(String date, String state, String label) {
    }

    /**
     * A partition's nodes by state. Idle is what collectors call available; busy is what is neither idle, down nor
     * reserved. counted is false when the collector counted no nodes (its node query failed): "node data missing".
     * shared: jobs share the nodes, so "available" nodes are those with free cores (many run jobs), and the others
     * are full.
     */
    public record PartitionRow(String label, String key, Integer total, Integer busy, Integer idle, Integer down,
            Integer reserved, boolean counted, boolean shared) {

        /** "Idle", or "With free cores" where jobs share nodes. */
        public String idleWord() {
            return shared ? "With free cores" : "Idle";
        }

        /** "Busy", or "Full" where jobs share nodes. */
        public String busyWord() {
            return shared ? "Full" : "Busy";
        }

        /**
         * "2,470 busy · 13 idle · 5 down · 24 reserved" ("full", "with free cores" where jobs share nodes): the states
         * collected, reserved only when there are some.
         */
        public String states() {
            if (!counted) {
                return "node data missing";
            }
            List<String> parts = new ArrayList<>();
            if (busy != null) {
                parts.add(Formats.count(busy) + " " + busyWord().toLowerCase(Locale.ROOT));
            }
            if (idle != null) {
                parts.add(Formats.count(idle) + " " + idleWord().toLowerCase(Locale.ROOT));
            }
            if (down != null) {
                parts.add(Formats.count(down) + " down");
            }
            if (reserved != null && reserved > 0) {
                parts.add(Formats.count(reserved) + " reserved");
            }
            return String.join(" \u00B7 ", parts);
        }
    }

    /** A current reservation; begun when its start has passed (it is then "Reserved: ... until ..."). */
    public record ReservationRow(String name, Integer nodeCount, String partition, String description,
            ZonedDateTime start, ZonedDateTime end, boolean begun) {
    }

    /** A queue of the scheduler's roster; status is one of: enabled, disabled, stopped, disabled and stopped. */
    public record QueueDefinitionRow(String name, String type, String status, Integer totalJobs) {
    }

    /** The heaviest users or projects of one queue (personal data: only for a login with the permission). */
    public record TopLoad(String queue, List<LoadRow> users, List<LoadRow> projects) {
    }

    public record LoadRow(String name, int runningJobs, int pendingJobs, int coresAllocated, int gpusAllocated) {
    }

    /**
     * service: the hub's own word on itself (Up, Down, Not reported); null for kinds that have none. notes: facts
     * that do not change the state (node data missing).
     */
    public record Card(String name, String displayName, SystemState state, List<String> reasons, List<String> notes,
            Freshness freshness, ZonedDateTime updatedAt, long ageSeconds, String service, List<PartitionRow> partitions,
            List<Figure> figures, List<Utilization> bars, List<Figure> jobs, TableRows<ReservationRow> reservations,
            ZonedDateTime rejectedSince) {

        /** A system with no snapshot yet: its state (no data, or an outage's), why, and its reservations. */
        static Card withoutData(ConfiguredSystem system, Verdict verdict, Freshness freshness,
                TableRows<ReservationRow> reservations, ZonedDateTime rejectedSince) {
            return new Card(system.name(), system.displayName(), verdict.state(), verdict.reasons(), verdict.notes(),
                    freshness, null, 0, null, List.of(), List.of(), List.of(), List.of(), reservations, rejectedSince);
        }

        /** Whether jobs share this system's nodes (see {@link PartitionRow#shared}). */
        public boolean sharedNodes() {
            return partitions.stream().anyMatch(PartitionRow::shared);
        }

        public boolean stale() {
            return freshness == Freshness.STALE;
        }

        public boolean noData() {
            return freshness == Freshness.NO_DATA;
        }

        /** Why a system is not simply operational; stale and no-data say so themselves. */
        public boolean showReasons() {
            return !reasons.isEmpty()
                    && (state == SystemState.DOWN || state == SystemState.DEGRADED || state == SystemState.MAINTENANCE);
        }
    }

    /**
     * systemName is null for an outage of every system. since and eta are the times as shown (with the year when it
     * is not this year); overdue says by how much a passed estimate is late (null when not).
     */
    public record OutageRow(long id, String systemName, String systemDisplayName, String severity, String status,
            String component, String title, String description, ZonedDateTime start, String since,
            ZonedDateTime estimatedResolution, String eta, String overdue) {
    }

    /**
     * status is one of: available, degraded, inaccessible. Where the collector sends num_cpus (the deployed ones do),
     * its loads are percent of the node's CPUs (loadInPercent); otherwise they are raw load averages.
     */
    public record LoginNodeRow(String name, String type, String status, Integer users, Double load1, Double load5,
            Double load15, Integer cpus) {

        public boolean loadInPercent() {
            return cpus != null;
        }
    }

    public record LoginNodeGroup(String label, TableRows<LoginNodeRow> nodes) {
    }

    /** status: disabled or stopped per the roster; null when enabled and started, or not defined. */
    /** started, waitMedian and waitP90: the jobs that started in the last hour, and their waits in minutes. */
    public record QueueRow(String name, String status, Integer running, Integer pending, Integer held, Integer users,
            Integer coresAllocated, Integer gpusAllocated, Integer nodesAllocated, Integer coresPending,
            Integer gpusPending, Integer started, Integer waitMedian, Integer waitP90) {
    }

    /** status is one of: available, degraded, unavailable. */
    public record FilesystemRow(String name, String status, Double capacityTb, Double usedTb, Double percent,
            Long usedInodes, Long capacityInodes, Double inodesPercent, String fullIn) {
    }

    public record NodeTypeRow(String name, Integer total, Integer available, Integer down, Integer allocated,
            Integer coresPerNode, Double memoryGbPerNode, String gpuModel, Integer gpusPerNode, Double percent,
            Double memoryPercent) {
    }

    /** One node behind a JupyterHub: its scheduler state and what its sessions use of it. */
    public record HubNodeRow(String name, String state, Integer jobsRunning, Integer jobsTotal, Integer cpusUsed,
            Integer cpusTotal, Integer gpusUsed, Integer gpusTotal, Double memoryUsedGb, Double memoryTotalGb) {
    }

    /**
     * The collector's posts are being turned away: since when, how many, the latest error. Not which credential: a
     * public page must not hand out a user name to guess passwords for (the log has it).
     */
    public record RejectionNotice(ZonedDateTime since, long rejections, String error) {
    }

    /**
     * collectorWarnings: what the service noticed about the newest stored post (a clock hours behind); rejection:
     * null unless the collector's posts are being rejected.
     */
    public record Detail(Card card, List<String> collectorWarnings, RejectionNotice rejection,
            List<LoginNodeGroup> loginNodes, List<Utilization> utilization, List<Figure> sessions,
            TableRows<HubNodeRow> hubNodes, TableRows<QueueDefinitionRow> queueRoster, List<TopLoad> topLoads,
            TableRows<QueueRow> queues, TableRows<FilesystemRow> filesystems, TableRows<NodeTypeRow> nodeTypes,
            List<OutageRow> outages, List<Upcoming.UpcomingRow> upcoming, AvailabilityView availability) {

        /** The shown queues whose collector reports how long jobs waited. */
        public List<QueueRow> queueWaits() {
            return queues.shown().stream().filter(q -> q.started() != null).toList();
        }

        /** The page of a system before its first snapshot: its card, outages, what is coming, availability. */
        static Detail withoutData(Card card, RejectionNotice rejection, List<OutageRow> outages,
                List<Upcoming.UpcomingRow> upcoming, AvailabilityView availability) {
            return new Detail(card, List.of(), rejection, List.of(), List.of(), List.of(), TableRows.none(),
                    TableRows.none(), List.of(), TableRows.none(), TableRows.none(), TableRows.none(), outages,
                    upcoming, availability);
        }
    }

    /** Core-hours by user and by project over a range (personal data: only for VIEW_SYSTEM_STATUS_USER_INFO). */
    public record UserLoadView(String over, UserLoad.Load load) {

        /** The two tables, by user then by project. */
        public List<UserLoadTable> tables() {
            return List.of(new UserLoadTable("User", load.users()), new UserLoadTable("Project", load.projects()));
        }
    }

    public record UserLoadTable(String heading, List<UserLoad.Share> rows) {
    }
}
