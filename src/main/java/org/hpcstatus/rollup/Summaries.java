package org.hpcstatus.rollup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.database.Jdbc;
import org.hpcstatus.database.Mapping;
import org.hpcstatus.kind.SeriesScope;

/**
 * The one owner of the roll-up summaries ({@link Summary}, the rollup table): a bucket's rows replaced at once,
 * series read by bucket, and deletes by age. All of it set-based SQL, by the names the entity declares.
 */
@ApplicationScoped
public class Summaries {

    public static final String HOURLY = "h";
    public static final String DAILY = "d";

    private static final String TABLE = Mapping.table(Summary.class);
    private static final String INSERT = "INSERT INTO " + TABLE + " (system_id, resolution, bucket_start, scope,"
            + " scope_name, metric, samples, min_value, max_value, sum_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    Jdbc jdbc;

    /** Replaces a system's summaries of one bucket with {@code rows}, in one transaction. */
    public void replace(long systemId, String resolution, Instant bucket, List<Summary> rows) {
        jdbc.withConnection(connection -> {
            Jdbc.inTransaction(connection, () -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE
                        + " WHERE system_id = ? AND resolution = ? AND bucket_start = ?")) {
                    delete.setLong(1, systemId);
                    delete.setString(2, resolution);
                    delete.setObject(3, Jdbc.utc(bucket));
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Summary row : rows) {
                        insert.setLong(1, systemId);
                        insert.setString(2, resolution);
                        insert.setObject(3, Jdbc.utc(bucket));
                        insert.setString(4, row.scope);
                        insert.setString(5, row.scopeName);
                        insert.setString(6, row.metric);
                        insert.setInt(7, row.samples);
                        insert.setObject(8, row.minValue);
                        insert.setObject(9, row.maxValue);
                        insert.setObject(10, row.sumValue);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            return null;
        });
    }

    /** A system's summaries of one resolution with buckets in [from, to), every scope and metric. */
    public List<Summary> between(long systemId, String resolution, Instant from, Instant to) {
        return jdbc.withConnection(connection -> {
            List<Summary> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT scope, scope_name, metric, samples,"
                    + " min_value, max_value, sum_value FROM " + TABLE + " WHERE system_id = ? AND resolution = ?"
                    + " AND bucket_start >= ? AND bucket_start < ?")) {
                select.setLong(1, systemId);
                select.setString(2, resolution);
                select.setObject(3, Jdbc.utc(from));
                select.setObject(4, Jdbc.utc(to));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(Summary.of(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                                row.getDouble(5), row.getDouble(6), row.getDouble(7)));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The start of the system's oldest summary of its own figures (hourly or daily), if any: how far back data
     * reaches after the raw snapshots have been deleted.
     */
    public Optional<Instant> earliest(long systemId) {
        return jdbc.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MIN(bucket_start) FROM " + TABLE
                    + " WHERE system_id = ? AND resolution IN (?, ?) AND scope = ?")) {
                select.setLong(1, systemId);
                select.setString(2, HOURLY);
                select.setString(3, DAILY);
                select.setString(4, SeriesScope.SYSTEM.key());
                try (ResultSet row = select.executeQuery()) {
                    LocalDateTime found = row.next() ? row.getObject(1, LocalDateTime.class) : null;
                    return Optional.ofNullable(found).map(Jdbc::instant);
                }
            }
        });
    }

    /**
     * One metric's summaries of a scope in [from, to), in time order, of one name (all when {@code name} is null),
     * each as its bucket's samples, min, max and sum.
     */
    public void series(long systemId, String resolution, SeriesScope scope, String name, String metric, Instant from,
            Instant to, SeriesScope.Values sink) {
        jdbc.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT bucket_start, samples, min_value,"
                    + " max_value, sum_value, scope_name FROM " + TABLE + " WHERE system_id = ? AND resolution = ?"
                    + " AND scope = ? AND metric = ?" + (name != null ? " AND scope_name = ?" : "")
                    + " AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start")) {
                int i = 1;
                select.setLong(i++, systemId);
                select.setString(i++, resolution);
                select.setString(i++, scope.key());
                select.setString(i++, metric);
                if (name != null) {
                    select.setString(i++, name);
                }
                select.setObject(i++, Jdbc.utc(from));
                select.setObject(i, Jdbc.utc(to));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.add(Jdbc.instant(rows.getObject(1, LocalDateTime.class)), rows.getString(6),
                                rows.getInt(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5));
                    }
                }
            }
            return null;
        });
    }

    /** Retention: summaries of one resolution whose bucket began before the cutoff, a batch at a time; how many. */
    public int deleteBefore(String resolution, Instant cutoff, int batch) {
        return jdbc.withConnection(connection -> Jdbc.deleteInBatches(connection, TABLE,
                "resolution = ? AND bucket_start < ?", batch, resolution, cutoff));
    }
}
