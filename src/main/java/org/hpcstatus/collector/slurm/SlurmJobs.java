package org.hpcstatus.collector.slurm;

import java.util.ArrayList;
import java.util.List;

import org.hpcstatus.collector.count.Job;

/** Jobs (one line per array task) as {@code squeue -r -O} lists them, in the format of {@link SlurmSource#JOBS_FORMAT}. */
final class SlurmJobs {

    private SlurmJobs() {
    }

    /** Jobs in the order listed; lines it cannot read are skipped. A job asked of several partitions counts in the first. */
    static List<Job> parse(String output) {
        List<Job> jobs = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length < 9 || f[0].isBlank()) {
                continue;
            }
            Integer cpus = SlurmSource.integer(f[4]);
            Integer nodes = SlurmSource.integer(f[5]);
            int n = nodes == null ? 1 : nodes;
            String account = f[3].strip();
            jobs.add(new Job(f[0].strip().split(",")[0], f[2].strip(),
                    account.isEmpty() || account.equals("(null)") ? "none" : account, state(f[1].strip(), f[8].strip()),
                    cpus == null ? 0 : cpus, gpus(f[6], f[7], n), n));
        }
        return jobs;
    }

    /** R running; PD pending, or held when its reason is a hold (JobHeldUser, JobHeldAdmin); anything else other. */
    static Job.State state(String compact, String reason) {
        return switch (compact) {
            case "R" -> Job.State.RUNNING;
            case "PD" -> reason.startsWith("JobHeld") ? Job.State.HELD : Job.State.PENDING;
            default -> Job.State.OTHER;
        };
    }

    /**
     * GPUs of a job: what accounting says it holds ("gres/gpu=2" in its allocated TRES, where the site tracks
     * gres/gpu), else what it asks per node ("gres:gpu:2", "gres/gpu:a100:2") times its nodes.
     */
    static int gpus(String tresAlloc, String tresPerNode, int nodes) {
        for (String item : tresAlloc.strip().split(",")) {
            if (item.startsWith("gres/gpu=")) {
                Integer value = SlurmSource.integer(item.substring("gres/gpu=".length()));
                if (value != null) {
                    return value;
                }
            }
        }
        int perNode = 0;
        for (String item : tresPerNode.strip().split(",")) {
            String plain = item.replace("gres:", "").replace("gres/", "");
            if (plain.startsWith("gpu")) {
                String[] parts = plain.split(":");
                Integer value = parts.length > 1 ? SlurmSource.integer(parts[parts.length - 1]) : Integer.valueOf(1);
                perNode += value == null ? 0 : value;
            }
        }
        return perNode * nodes;
    }
}
