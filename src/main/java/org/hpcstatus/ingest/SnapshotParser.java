package org.hpcstatus.ingest;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.contract.ContentHash;
import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.NewSnapshot;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemKind;

/**
 * Validates a status post for one system against its kind's {@link KindProfile}, before anything touches the
 * database, and says which fields it ignored.
 */
@ApplicationScoped
public class SnapshotParser {

    static final String TIMESTAMP = SnapshotFields.OBSERVED_AT.name();

    /** Every system-wide field of any kind: a null sent for one of another kind's is no typo, just not collected. */
    private static final Set<String> ANY_KIND_FIELDS = Arrays.stream(SystemKind.values())
            .flatMap(kind -> KindProfile.of(kind).fields().stream()).map(Field::name).collect(Collectors.toUnmodifiableSet());

    /**
     * A valid post: the rows to store, the unknown fields (with their paths) to echo back so typos show, and warnings
     * about a collector that is likely misconfigured (stored with the snapshot, shown on its system's page).
     */
    public record Parsed(NewSnapshot rows, List<String> ignoredFields, List<String> warnings) {
    }

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");

    /** A naive timestamp this far behind the server clock is most likely local time read as UTC. */
    static final Duration ZONE_SUSPECT_LAG = Duration.ofMinutes(55);

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    Snapshots snapshots;

    public Parsed parse(ConfiguredSystem system, JsonNode body) {
        KindProfile kind = KindProfile.of(system.kind());
        PayloadReader reader = new PayloadReader(Zones.naiveTimestamps(config));
        Instant now = Timestamps.truncate(clock.instant());

        Set<String> alsoKnown = new HashSet<>(Set.of(TIMESTAMP));
        kind.arrays().forEach(array -> alsoKnown.add(array.jsonName));
        Snapshot snapshot = reader.read(body, "", kind.fields(), alsoKnown, new Snapshot());
        Instant observedAt = reader.readTimestamp(body, TIMESTAMP);
        List<String> duplicates = new ArrayList<>();
        ChildRows rows = new ChildRows();
        for (ChildArray<?> array : kind.arrays()) {
            readArray(reader, duplicates, body, system, array, rows);
        }
        kind.derive(snapshot, reader);
        List<String> zeroed = ZeroedFigures.clear(snapshot, kind.fields());
        if (observedAt != null && observedAt.isAfter(now.plus(config.ingest().maxFutureSkew()))) {
            reader.problem("timestamp " + observedAt + " is more than " + config.ingest().maxFutureSkew().toMinutes()
                    + " minutes in the future: check the collector's clock and time zone");
        }
        reader.throwIfInvalid();

        snapshot.systemId = system.id();
        snapshot.observedAt = observedAt == null ? now : observedAt;
        snapshot.receivedAt = now;
        // Identifies the content, so an identical retry can be told from a conflicting one.
        ContentHash hash = new ContentHash().add("snapshot", snapshot, kind.fields());
        for (ChildArray<?> array : kind.arrays()) {
            addRows(hash, kind, array, rows);
        }
        snapshot.contentHash = hash.hex();
        // The deployed Derecho collector sends viz_utilization_percent: null; that says nothing worth echoing.
        List<String> ignored = reader.ignored().stream()
                .filter(name -> !(ANY_KIND_FIELDS.contains(name) && body.get(name).isNull())).toList();
        List<String> warnings = new ArrayList<>(clockWarnings(body, snapshot.observedAt, now));
        warnings.addAll(duplicates);
        warnings.addAll(zeroed);
        SuddenDrop.of(kind, () -> snapshots.latest(system).map(latest -> latest.snapshot()).orElse(null), snapshot)
                .ifPresent(warnings::add);
        snapshot.warnings = warnings.isEmpty() ? null : String.join("\n", warnings);
        return new Parsed(new NewSnapshot(system, snapshot, rows), ignored, warnings);
    }

    /** A reservation belongs to the system posted to, and ends after it starts; a bad one is named. */
    private static void checkReservation(PayloadReader reader, ConfiguredSystem system, Reservation r, String path) {
        if (r.systemName != null && !r.systemName.equalsIgnoreCase(system.name())) {
            reader.problem(path + ".system_name '" + r.systemName + "' is not the system posted to (" + system.name()
                    + ")");
        }
        if (r.startTime != null && r.endTime != null && r.endTime.isBefore(r.startTime)) {
            reader.problem(path + ".end_time " + r.endTime + " is before its start_time " + r.startTime);
        }
        r.systemId = system.id();
    }

    /**
     * A collector whose clock runs in local time sends naive timestamps hours behind: they are stored as sent (it may
     * be a back-fill) but the collector's owner is told, since latest would otherwise never move.
     */
    private List<String> clockWarnings(JsonNode body, Instant observedAt, Instant now) {
        JsonNode sent = body.get(TIMESTAMP);
        if (sent == null || !sent.isTextual() || !Timestamps.isNaive(sent.textValue())) {
            return List.of();
        }
        Duration behind = Duration.between(observedAt, now);
        if (behind.compareTo(ZONE_SUSPECT_LAG) < 0) {
            return List.of();
        }
        long minutes = behind.toMinutes();
        long hours = Math.round(minutes / 60.0);
        String lag = Math.abs(minutes - hours * 60) <= 5 ? hours + " h" : minutes + " min";
        return List.of("timestamp " + sent.textValue().strip() + " (no offset, read as "
                + Zones.naiveTimestamps(config).getId() + ") is " + lag + " behind the server clock: send an"
                + " offset, or set hpcstatus.ingest.naive-timestamp-zone");
    }

    /**
     * A name as the database compares it (MariaDB's default collation ignores case and accents): "main" and "máin"
     * are one name, and two of them in one post a 400 rather than a unique-key failure.
     */
    private static String sameName(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return name.toLowerCase(Locale.ROOT); // ASCII has no accents to strip: the usual case, and cheap
        }
        return COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static <E> void addRows(ContentHash hash, KindProfile kind, ChildArray<E> array, ChildRows rows) {
        hash.addAll(array.jsonName, rows.of(array), kind.fieldsOf(array));
    }

    /**
     * Reads one child array's rows into {@code rows}. A name twice in an array of the snapshot's own figures is a
     * 400; twice in a list about the present (roster, reservations, per-user load) it costs the post nothing: the
     * first is kept and {@code duplicates} says so, since a collector does not retry a 400 and the whole cycle's
     * figures would be lost over an auxiliary list.
     */
    private <E> void readArray(PayloadReader reader, List<String> duplicates, JsonNode body, ConfiguredSystem system,
            ChildArray<E> array, ChildRows rows) {
        KindProfile kind = KindProfile.of(system.kind());
        boolean userRows = array == ChildArray.USER_LOADS;
        List<E> read = reader.readArray(body, array.jsonName, kind.fieldsOf(array), array::newRow,
                userRows ? config.ingest().maxUserLoadRows() : config.ingest().maxArrayRows(),
                userRows ? "hpcstatus.ingest.max-user-load-rows" : "hpcstatus.ingest.max-array-rows");
        Set<String> seen = new HashSet<>();
        List<E> kept = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) instanceof Reservation reservation) {
                checkReservation(reader, system, reservation, array.jsonName + "[" + i + "]");
            }
            String named = array.identity(read.get(i));
            if (named == null || seen.add(sameName(named))) {
                kept.add(read.get(i));
            } else if (array.ofNewestOnly()) {
                duplicates.add(array.jsonName + "[" + i + "]." + named + " appears more than once: the first is kept");
            } else {
                reader.problem(array.jsonName + "[" + i + "]." + named + " appears more than once");
            }
        }
        rows.put(array, kept);
    }
}
