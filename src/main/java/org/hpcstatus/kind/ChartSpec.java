package org.hpcstatus.kind;

import java.util.List;
import java.util.Map;

/**
 * What one history chart draws: a title, its unit, whether it is a percentage (a fixed 0-100 axis), and up to four
 * lines, each a numeric field by its name and the label its legend gives it.
 */
public record ChartSpec(String title, String unit, boolean percent, List<Map.Entry<String, String>> lines) {

    /** CPU, GPU and memory utilization, as clusters post them. */
    public static final ChartSpec UTILIZATION = new ChartSpec("Utilization", "%", true, List.of(
            Map.entry("cpu_utilization_percent", "CPU"), Map.entry("gpu_utilization_percent", "GPU"),
            Map.entry("memory_utilization_percent", "memory")));

    /** Jobs by state, of a system or a queue. */
    public static final ChartSpec JOBS = new ChartSpec("Jobs", "jobs", false, List.of(
            Map.entry("running_jobs", "running"), Map.entry("pending_jobs", "pending"),
            Map.entry("held_jobs", "held")));
}
