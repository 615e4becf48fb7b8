package org.hpcstatus.kind;

/**
 * A group of compute nodes by state, as the collector counted them; a null count was not collected.
 * <p>
 * {@code idle} is what collectors post as {@code *_nodes_available}: in the guide's example collector and in the
 * deployed PBS ones it counts nodes with no job, so a machine running flat out has 0 and is healthy. Health is read
 * from {@code down} (down or offline), never from how few nodes are idle.
 */
public record Partition(PartitionKind kind, Integer total, Integer idle, Integer down, Integer reserved) {

    /** As the pages show it ("CPU nodes"). */
    public String label() {
        return kind.label;
    }

    /**
     * Whether the collector counted this partition's nodes. A collector whose node query failed posts every count as
     * 0: a partition of no nodes says nothing about the machine, so it is neither judged nor shown as down.
     */
    public boolean counted() {
        return total != null && total > 0;
    }

    /** Nodes running jobs: those neither idle, down nor reserved; null when idle or down was not collected. */
    public Integer busy() {
        if (!counted() || idle == null || down == null) {
            return null;
        }
        return Math.max(0, total - idle - down - (reserved == null ? 0 : reserved));
    }

    /** Whether at least {@code percent} of the nodes are down; false when down was not collected. */
    public boolean downAtLeast(int percent) {
        return counted() && down != null && down > 0 && down * 100L >= (long) total * percent;
    }

    /** Whether every node is down; false when down was not collected. */
    public boolean allDown() {
        return counted() && down != null && down >= total;
    }
}
