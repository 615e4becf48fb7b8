package org.hpcstatus.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    DataSource dataSource;

    /** One line of the table: a user or project (or "others"), its core-hours and share of the total. */
    public record Share(String name, double coreHours, double percent) {
    }

    public record Load(List<Share> users, List<Share> projects, double totalCoreHours) {
    }

    public Load over(ConfiguredSystem system, Instant from, Instant to) {
        Map<String, Double> byUser = new HashMap<>();
        Map<String, Double> byProject = new HashMap<>();
        double total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT username, project_code, cores_allocated,"
                        + " first_seen, last_seen FROM user_load_span WHERE system_id = ? AND last_seen >= ?"
                        + " AND first_seen < ? AND cores_allocated > 0")) {
            select.setLong(1, system.id());
            select.setObject(2, JobRuns.utc(from));
            select.setObject(3, JobRuns.utc(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant first = rows.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant last = rows.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant start = first.isBefore(from) ? from : first;
                    Instant end = last.plus(ONE_POST).isAfter(to) ? to : last.plus(ONE_POST);
                    if (!end.isAfter(start)) {
                        continue;
                    }
                    double coreHours = rows.getInt(3) * Duration.between(start, end).toSeconds() / 3600.0;
                    byUser.merge(rows.getString(1), coreHours, Double::sum);
                    byProject.merge(rows.getString(2), coreHours, Double::sum);
                    total += coreHours;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("User load read failed", e);
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
