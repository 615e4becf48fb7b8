package org.hpcstatus.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hpcstatus.dashboard.DashboardViews.LoadRow;
import org.hpcstatus.dashboard.DashboardViews.TopLoad;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.UserLoadSpan;

/** How a queue reads on the page: its roster status, and who loads it most. */
final class QueueLoads {

    static final String ENABLED = "enabled";

    /** How many users and projects a queue's top list shows. */
    static final int TOP = 5;

    private QueueLoads() {
    }

    /** enabled, disabled, stopped, or disabled and stopped; a flag not sent counts as set. */
    static String status(QueueDefinition q) {
        boolean disabled = Boolean.FALSE.equals(q.enabled);
        boolean stopped = Boolean.FALSE.equals(q.started);
        return disabled && stopped ? "disabled and stopped" : disabled ? "disabled" : stopped ? "stopped" : ENABLED;
    }

    /** Per queue (in order of first appearance), the users and the projects with most cores, then most jobs. */
    static List<TopLoad> top(List<UserLoadSpan> loads) {
        Map<String, List<UserLoadSpan>> byQueue = new LinkedHashMap<>();
        loads.forEach(load -> byQueue.computeIfAbsent(load.queueName, q -> new ArrayList<>()).add(load));
        List<TopLoad> top = new ArrayList<>();
        byQueue.forEach((queue, rows) -> top.add(new TopLoad(queue, heaviest(rows, u -> u.username),
                heaviest(rows, u -> u.projectCode))));
        return top;
    }

    private static List<LoadRow> heaviest(List<UserLoadSpan> rows, Function<UserLoadSpan, String> by) {
        Map<String, LoadRow> sums = new LinkedHashMap<>();
        for (UserLoadSpan row : rows) {
            sums.merge(by.apply(row), new LoadRow(by.apply(row), nz(row.runningJobs), nz(row.pendingJobs),
                    nz(row.coresAllocated), nz(row.gpusAllocated)), (a, b) -> new LoadRow(a.name(),
                            a.runningJobs() + b.runningJobs(), a.pendingJobs() + b.pendingJobs(),
                            a.coresAllocated() + b.coresAllocated(), a.gpusAllocated() + b.gpusAllocated()));
        }
        return sums.values().stream().sorted(Comparator.comparingInt(LoadRow::coresAllocated)
                .thenComparingInt(LoadRow::runningJobs).thenComparingInt(LoadRow::pendingJobs).reversed()
                .thenComparing(LoadRow::name)).limit(TOP).toList();
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
