package org.hpcstatus.collector;

import java.util.Map;
import org.hpcstatus.collector.count.QueueLoad;

/** A batch scheduler read into one snapshot, in the same steps whichever it is (Slurm, PBS). */
public interface SchedulerSource {

    /** Nodes by state per class, with cores, GPUs and memory; null counts where the node query failed. */
    void nodes(Collection into);

    /** Jobs system-wide, per user, and per queue (with waits where configured); null where the job query failed. */
    Map<String, QueueLoad> jobs(Collection into);

    /** The queue roster, with each queue's jobs where they were counted. */
    void roster(Collection into, Map<String, QueueLoad> queues);

    void reservations(Collection into);

    default void collect(Collection into) {
        nodes(into);
        Map<String, QueueLoad> queues = jobs(into);
        roster(into, queues);
        reservations(into);
        into.putQueues(queues);
    }
}
