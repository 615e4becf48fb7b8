package org.hpcstatus.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hpcstatus.contract.Field;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageJson;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.snapshot.UserLoadSpan;
import org.hpcstatus.status.Availability;
import org.hpcstatus.status.Freshness;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * The read API's JSON, built from the same field definitions the ingest validates against, so a snapshot reads back
 * with the names it was posted with. Fields not collected are present as null.
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    /**
     * A system's newest snapshot as posted, with its current reservations; the per-user load (personal data) only
     * when {@code withUserInfo}, and otherwise not even its key.
     */
    static Map<String, Object> latest(LatestSnapshot latest, Instant now, List<Reservation> reservations,
            boolean withUserInfo) {
        ConfiguredSystem system = latest.system();
        Snapshot snapshot = latest.snapshot();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status_id", snapshot.id);
        json.put("system", system.name());
        json.put("display_name", system.displayName());
        json.put("timestamp", snapshot.observedAt);
        json.put("received_at", snapshot.receivedAt);
        json.put("age_seconds", Math.max(0, Duration.between(snapshot.observedAt, now).toSeconds()));
        json.put("stale", Freshness.of(snapshot.observedAt, now, system.staleAfter()) == Freshness.STALE);
        json.put("stale_after_seconds", system.staleAfter().toSeconds());
        json.put("warnings", warnings(snapshot));
        KindProfile kind = KindProfile.of(system.kind());
        putFields(json, snapshot, kind.fields());
        for (ChildArray<?> array : kind.arrays()) {
            if (array == ChildArray.USER_LOADS && !withUserInfo) {
                continue;
            }
            json.put(array.jsonName, array == ChildArray.RESERVATIONS
                    ? reservations.stream().map(r -> reservation(r, system)).toList()
                    : rows(kind, array, latest));
        }
        return json;
    }

    /** One system in the summary: its state by the dashboard's rules, why, how old its data is, its outages. */
    static Map<String, Object> summary(SystemStatus status, Availability.Report availability,
            List<Reservation> reservations) {
        ConfiguredSystem system = status.system();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", system.name());
        json.put("display_name", system.displayName());
        json.put("state", status.verdict().state().jsonName());
        json.put("reasons", status.verdict().reasons());
        json.put("notes", status.verdict().notes());
        json.put("timestamp", status.observedAt());
        json.put("age_seconds", status.latest() == null ? null : status.ageSeconds());
        json.put("stale", status.freshness() == Freshness.STALE);
        json.put("stale_after_seconds", system.staleAfter().toSeconds());
        json.put("outages", status.activeOutages().stream().map(SnapshotJson::outage).toList());
        // not begun yet (scheduled maintenance): listed, but no part of the state until its start
        json.put("upcoming", status.upcoming().stream().map(SnapshotJson::outage).toList());
        // the reservations the pages show: current ones and those not begun ("Upcoming"), soonest first
        json.put("reservations", reservations.stream().map(r -> reservation(r, system)).toList());
        // percent of the last 7, 30 and 90 days not down (critical and major outages; maintenance excluded)
        Map<String, Object> percent = new LinkedHashMap<>();
        availability.percentByWindow().forEach((days, value) -> percent.put(days + "d", value));
        json.put("availability_percent", percent);
        // the days each percentage was measured over: less than the window for a system seen for less long
        Map<String, Object> measured = new LinkedHashMap<>();
        availability.measuredDays().forEach((days, value) -> measured.put(days + "d", Math.round(value * 1000) / 1000.0));
        json.put("availability_days", measured);
        json.put("warnings", status.latest() == null ? List.of() : warnings(status.latest().snapshot()));
        Map<String, Object> rejected = null;
        if (status.rejection() != null) {
            rejected = new LinkedHashMap<>();
            rejected.put("since", status.rejection().firstAt);
            rejected.put("last_at", status.rejection().lastAt);
            rejected.put("rejections", status.rejection().rejections);
            rejected.put("last_error", status.rejection().lastError);
        }
        json.put("rejected_posts", rejected);
        return json;
    }

    static Map<String, Object> outage(Outage outage) {
        return OutageJson.of(outage);
    }

    /** What the service noticed about the post, as stored with it (one per line). */
    private static List<String> warnings(Snapshot snapshot) {
        return snapshot.warnings == null ? List.of() : List.of(snapshot.warnings.split("\n"));
    }

    /** A reservation as posted (reservation_id the scheduler's, null when not sent), with when it was first and last reported. */
    static Map<String, Object> reservation(Reservation reservation, ConfiguredSystem system) {
        reservation.systemName = system.name();
        Map<String, Object> json = new LinkedHashMap<>();
        putFields(json, reservation, SnapshotFields.RESERVATION);
        json.put("first_reported_at", reservation.firstReportedAt);
        json.put("last_reported_at", reservation.lastReportedAt);
        return json;
    }

    /** An array's rows as posted; the roster says when it was defined, a user's load since when it is so. */
    private static <E> List<Map<String, Object>> rows(KindProfile kind, ChildArray<E> array, LatestSnapshot latest) {
        return latest.rows(array).stream().map(row -> {
            Map<String, Object> json = row(row, kind.fieldsOf(array));
            if (row instanceof QueueDefinition roster) {
                json.put("defined_at", roster.definedAt);
            } else if (row instanceof UserLoadSpan span) {
                json.put("first_seen", span.firstSeen);
            }
            return json;
        }).toList();
    }

    private static <E> Map<String, Object> row(E row, List<Field<E>> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        putFields(json, row, fields);
        return json;
    }

    private static <E> void putFields(Map<String, Object> json, E entity, List<Field<E>> fields) {
        for (Field<E> field : fields) {
            json.put(field.name(), field.getter().apply(entity));
        }
    }
}
