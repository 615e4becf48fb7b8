package org.hpcstatus.collector.count;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compute node as the status page counts it. {@code IDLE} is what the guide calls available: no job on it, free for
 * the next one. Anything that runs jobs is {@code BUSY}, also while draining (it takes no new job but still runs its
 * own). What cannot run jobs is {@code DOWN} (down, drained, failed, not responding, never registered), never idle:
 * Slurm's own node summaries ({@code %A}, {@code %C}) count a node that never registered as idle.
 */
public enum NodeState {
    IDLE, BUSY, DOWN, RESERVED;

    /**
     * A Slurm node state as {@code sinfo -O StateLong} prints it: a base state ("mixed", "drained", "unknown") and
     * flag characters ({@code *} not responding, {@code ~} powered off to save energy, {@code #} powering up,
     * {@code !} to be powered down, {@code %} powering down, {@code $} in a maintenance reservation, {@code @} reboot
     * pending, {@code ^} rebooting, {@code -} planned by the backfill scheduler), possibly joined by "+" to more
     * states ("idle+drain"). A state this does not know counts as down: a node is only ever idle for a reason.
     */
    public static NodeState ofSlurm(String state) {
        String text = state.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.contains("*")) {
            return DOWN;
        }
        String base = text.replaceAll("[~#!%$@^\\-]+$", "");
        if (base.contains("+")) {
            String[] parts = base.split("\\+");
            for (int i = 1; i < parts.length; i++) {
                NodeState extra = ofSlurm(parts[i]);
                if (extra == DOWN) {
                    return isRunning(parts[0]) ? BUSY : DOWN;  // "mixed+drain" still runs its jobs
                }
            }
            base = parts[0];
        }
        if (text.endsWith("-") && base.equals("idle")) {
            return BUSY;                      // planned: held idle for a pending job that starts soon
        }
        if (text.contains("$") && base.equals("idle")) {
            return RESERVED;                  // idle within a maintenance reservation
        }
        return switch (base) {
            case "idle" -> IDLE;              // "idle~" too: powered off to save energy, started on demand
            case "allocated", "alloc", "mixed", "mix", "completing", "comp", "draining", "drng", "failing", "planned",
                    "plnd" -> BUSY;
            case "reserved", "resv", "maint" -> RESERVED;
            default -> DOWN;                  // down, drained, drain, fail, inval, unknown, unk, future, reboot, ...
        };
    }

    private static boolean isRunning(String base) {
        return switch (base) {
            case "allocated", "alloc", "mixed", "mix", "completing", "comp" -> true;
            default -> false;
        };
    }

    /**
     * A PBS node state as {@code pbsnodes -F json} prints it, possibly several joined by commas ("down,offline"):
     * free with no job is idle (free with a job is a shared node in use); job-busy and job-exclusive are busy, and
     * so is an offline node still running a job (draining); down, state-unknown, stale and the like are down;
     * resv-exclusive is reserved. A state this does not know counts as down.
     */
    public static NodeState ofPbs(String pbsState, boolean hasJobs, boolean partlyUsed) {
        Set<String> states = new HashSet<>(List.of(pbsState.toLowerCase(Locale.ROOT).replace(" ", "").split(",")));
        boolean down = states.stream().anyMatch(s -> Set.of("down", "state-unknown", "stale", "unresolvable",
                "provisioning", "wait-provisioning", "initializing", "maintenance", "sleep", "unknown").contains(s));
        if (down) {
            return DOWN;
        }
        if (states.contains("offline")) {
            return hasJobs ? BUSY : DOWN;  // offline with jobs: draining, still running them
        }
        if (states.contains("resv-exclusive")) {
            return RESERVED;
        }
        if (states.contains("job-busy") || states.contains("job-exclusive") || states.contains("busy")
                || states.contains("job-sharing")) {
            return BUSY;
        }
        if (states.contains("free")) {
            return hasJobs || partlyUsed ? BUSY : IDLE;
        }
        return DOWN;
    }
}
