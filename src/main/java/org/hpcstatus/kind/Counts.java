package org.hpcstatus.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.hpcstatus.snapshot.Snapshot;

/** Arithmetic over counts that may not have been collected: null stays null rather than turning into 0. */
final class Counts {

    private Counts() {
    }

    /** The sum of the counts that were collected; null when none was. */
    static Integer sum(Integer... parts) {
        if (Stream.of(parts).allMatch(Objects::isNull)) {
            return null;
        }
        long total = Stream.of(parts).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** allocated of total in percent, to one decimal; null when either is missing or total is 0. */
    static Double percent(Integer allocated, Integer total) {
        if (allocated == null || total == null || total == 0) {
            return null;
        }
        return Math.min(100.0, Math.round(1000.0 * allocated / total) / 10.0);
    }

    /** A cluster page's bars: the card's, then memory, then visualization GPUs when reported. */
    static List<Utilization> clusterDetail(List<Utilization> card, Snapshot s) {
        List<Utilization> bars = new ArrayList<>(card);
        bars.add(new Utilization("Memory", s.memoryUtilizationPercent, s.memoryAllocatedGb, s.memoryTotalGb, "GB"));
        if (s.vizUtilizationPercent != null) {
            bars.add(Utilization.of("Visualization GPUs", s.vizUtilizationPercent, s.vizCountAllocated, s.vizCountTotal,
                    "GPUs"));
        }
        return bars;
    }
}
