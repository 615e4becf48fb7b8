package org.hpcstatus.collector.count;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How long the jobs that started in the last hour had waited, in whole minutes: how many, the median and the 90th
 * percentile (nearest rank). The answer to "if I submit now, how long will I wait?" that the data can honestly give.
 */
public record Waits(int started, long medianMinutes, long p90Minutes) {

    public static Waits of(List<Long> minutes) {
        List<Long> sorted = minutes.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new Waits(0, 0, 0);
        }
        return new Waits(sorted.size(), rank(sorted, 50), rank(sorted, 90));
    }

    private static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public void writeTo(ObjectNode row) {
        row.put("jobs_started_last_hour", started);
        if (started > 0) {
            row.put("wait_median_minutes", medianMinutes);
            row.put("wait_p90_minutes", p90Minutes);
        }
    }
}
