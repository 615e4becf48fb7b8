package org.hpcstatus.kind;

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

    /** Whether the amounts are known, so a page can say "used of total". */
    public boolean hasAmounts() {
        return used != null && total != null;
    }
}
