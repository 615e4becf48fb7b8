package org.hpcstatus.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.store.Snapshots;
import org.hpcstatus.store.UserSpan;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * Who used a system over a range, from the per-user spans (personal data: shown only to a login holding
 * VIEW_SYSTEM_STATUS_USER_INFO): core-hours by user and by project, the top 15 and the rest as "others". A span
 * counts the cores its jobs held from its first to its last sighting (at least one 5-minute post), cut to the range.
 */
@ApplicationScoped
public class UserLoad {

    public static final int TOP = 15;
    private static final Duration ONE_POST = Duration.ofMinutes(5);

    @Inject
    Snapshots snapshots;

    /** One line of the table: a user or project (or "others"), its core-hours and share of the total. */
    public record Share(String name, double coreHours, double percent) {
    }

    public record Load(List<Share> users, List<Share> projects, double totalCoreHours) {
    }

    public Load over(ConfiguredSystem system, Instant from, Instant to) {
        Map<String, Double> byUser = new HashMap<>();
        Map<String, Double> byProject = new HashMap<>();
        double total = 0;
        for (UserSpan span : snapshots.spansOverlapping(system.id(), from, to)) {
            Instant start = span.firstSeen().isBefore(from) ? from : span.firstSeen();
            Instant end = span.lastSeen().plus(ONE_POST).isAfter(to) ? to : span.lastSeen().plus(ONE_POST);
            if (!end.isAfter(start)) {
                continue;
            }
            double coreHours = span.coresAllocated() * Duration.between(start, end).toSeconds() / 3600.0;
            byUser.merge(span.username(), coreHours, Double::sum);
            byProject.merge(span.projectCode(), coreHours, Double::sum);
            total += coreHours;
        }
        return new Load(top(byUser, total), top(byProject, total), total);
    }

    /** The biggest {@link #TOP}, then everyone else together as "others". */
    static List<Share> top(Map<String, Double> coreHours, double total) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(coreHours.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<Share> shares = new ArrayList<>();
        double others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < TOP) {
                shares.add(new Share(sorted.get(i).getKey(), sorted.get(i).getValue(), percent(sorted.get(i).getValue(), total)));
            } else {
                others += sorted.get(i).getValue();
            }
        }
        if (others > 0) {
            shares.add(new Share("others (" + (sorted.size() - TOP) + ")", others, percent(others, total)));
        }
        return shares;
    }

    private static double percent(double part, double total) {
        return total == 0 ? 0 : 100 * part / total;
    }
}
