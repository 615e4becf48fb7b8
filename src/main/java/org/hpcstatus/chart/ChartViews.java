package org.hpcstatus.chart;

import java.util.List;

/** The views of the chart pages and sections, as plain records for the templates. */
public final class ChartViews {

    private ChartViews() {
    }

    /** The history section of a page: its charts for the range chosen, the links to the others, the step. */
    public record ChartsView(List<Charts.Chart> charts, List<RangeLink> ranges, String step) {
    }

    public record RangeLink(String key, String label, boolean current) {
    }

    /**
     * A queue's page: what it holds now, whether that is usual for this hour of the week (the median of the last
     * four weeks' same hour), the trend of the last hours, how long the jobs that started in the last hour waited
     * (where the collector reports it; waited null when none started), and its charts.
     */
    public record QueuePage(String system, String systemDisplayName, String queue, Integer running, Integer pending,
            Integer held, Integer coresPending, Integer gpusPending, String usualWords, Double usualPending,
            int usualWeeks, String weekdayHour, String trend, boolean waitReported, String waited, ChartsView charts) {
    }

    /** A partition's or node type's page: a title, what it shows, and its charts. */
    public record SeriesPage(String system, String systemDisplayName, String title, String explanation,
            ChartsView charts) {
    }
}
