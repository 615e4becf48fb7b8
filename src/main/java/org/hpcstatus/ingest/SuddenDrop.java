package org.hpcstatus.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.hpcstatus.contract.Field;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.status.StateRules;

/**
 * A post whose activity figures (users, servers, running jobs) are all 0 where the system's previous post, minutes
 * before, had a normal level of each: what a collector sends when the command behind them failed (the deployed hub
 * collector with the JupyterHub API down posts zeros). A real quiet night lowers them over several snapshots; a
 * failed command drops them in one. Said in the post's warnings, and by the state rules as a reason.
 */
final class SuddenDrop {

    /** Below this a figure may well fall to 0 by itself (the last few users logging off). */
    static final int NORMAL_LEVEL = 10;

    /** Further apart than this, the posts between may have been lost: no drop is judged. */
    static final Duration NEIGHBOURS = Duration.ofMinutes(30);

    private SuddenDrop() {
    }

    private static boolean allZero(KindProfile kind, Snapshot snapshot) {
        List<Object> values = kind.fields().stream().filter(f -> kind.activityFigures().contains(f.name()))
                .map(f -> f.getter().apply(snapshot)).filter(v -> v != null).toList();
        return values.size() >= 2 && values.stream().allMatch(v -> v instanceof Number n && n.doubleValue() == 0);
    }

    /**
     * The warning for {@code now}, if its figures dropped; the previous post is asked for only when they are all 0,
     * so that an ordinary post costs no look-up.
     */
    static Optional<String> of(KindProfile kind, Supplier<Snapshot> previousPost, Snapshot now) {
        if (!allZero(kind, now)) {
            return Optional.empty();
        }
        Snapshot previous = previousPost.get();
        if (previous == null || !previous.observedAt.isBefore(now.observedAt)
                || Duration.between(previous.observedAt, now.observedAt).compareTo(NEIGHBOURS) > 0) {
            return Optional.empty();
        }
        Map<String, Field<Snapshot>> fields = kind.fields().stream()
                .collect(Collectors.toMap(Field::name, Function.identity(), (a, b) -> a));
        List<String> dropped = new ArrayList<>();
        for (String name : kind.activityFigures()) {
            Field<Snapshot> field = fields.get(name);
            if (field == null) {
                continue;
            }
            Object before = field.getter().apply(previous);
            Object after = field.getter().apply(now);
            if (!(before instanceof Number b) || !(after instanceof Number a)) {
                continue;
            }
            if (a.doubleValue() != 0 || b.doubleValue() < NORMAL_LEVEL) {
                return Optional.empty(); // something is still counted, or was already low
            }
            dropped.add(name + " " + b.intValue() + " \u2192 0");
        }
        if (dropped.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(StateRules.DROPPED_FIGURES + String.join(", ", dropped) + " in one post, "
                + Duration.between(previous.observedAt, now.observedAt).toMinutes() + " min after the previous");
    }
}
