package org.hpcstatus.kind;

import java.util.List;

/**
 * How much of a resource is in use, in percent, and where collected the amounts behind it ("245,000 of 321,536
 * cores"); null when the collector did not send it.
 */
public record Utilization(String label, Double percent, Double used, Double total, String unit) {

    public Utilization(String label, Double percent) {
        this(label, percent, null, null, null);
    }

    static Utilization of(String label, Double percent, Integer used, Integer total, String unit) {
        return new Utilization(label, percent, used == null ? null : used.doubleValue(),
                total == null ? null : total.doubleValue(), unit);
    }

    /**
     * The bars worth drawing: not one whose total is 0 (a hub without GPUs reads "0 of 0", a failed node query
     * "0 of 0 cores": nothing to measure), nor one with neither a percent nor a total.
     */
    public static List<Utilization> drawable(List<Utilization> bars) {
        return bars.stream().filter(b -> (b.total == null || b.total > 0) && (b.percent != null || b.total != null))
                .toList();
    }

    /** Whether the amounts are known, so a page can say "used of total". */
    public boolean hasAmounts() {
        return used != null && total != null;
    }
}
