package org.hpcstatus.collector.pbs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.hpcstatus.collector.count.Job;

/**
 * One job of {@code qstat -t -f -F json} (an array's subjobs listed one by one, the array itself as {@code 12[]}):
 * the job as the page counts it, when it was queued and started (for waits), and whether it has finished
 * ({@code -x} lists finished jobs too).
 */
record PbsJob(Job job, boolean arrayParent, boolean finished, LocalDateTime queued, LocalDateTime started) {

    /** PBS's times: "Mon Dec  7 05:00:00 2026", in the server's local time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    static PbsJob of(String id, JsonNode job) {
        String state = job.path("job_state").asText("");
        JsonNode resources = job.path("Resource_List");
        String owner = job.path("Job_Owner").asText(job.path("euser").asText("unknown"));
        String project = job.hasNonNull("Account_Name") ? job.get("Account_Name").asText()
                : job.path("project").asText("");
        Job counted = new Job(job.path("queue").asText(""), owner.split("@")[0], project, state(state),
                resources.path("ncpus").asInt(0), resources.path("ngpus").asInt(0),
                Math.max(1, resources.path("nodect").asInt(1)));
        return new PbsJob(counted, id.contains("[]"), state.equals("F") || state.equals("X"),
                time(job.path("qtime").asText(null)), time(job.path("stime").asText(null)));
    }

    /** R running; Q queued and W waiting for its start time pending; H held; the rest (E, S, T, B, F, X) other. */
    static Job.State state(String pbs) {
        return switch (pbs) {
            case "R" -> Job.State.RUNNING;
            case "Q", "W" -> Job.State.PENDING;
            case "H" -> Job.State.HELD;
            default -> Job.State.OTHER;
        };
    }

    static LocalDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replaceAll("\\s+", " "), TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** PBS writes flags as "True" and "False" (older versions) or JSON booleans. */
    static boolean flag(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText(""));
    }
}
