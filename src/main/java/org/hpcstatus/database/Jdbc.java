package org.hpcstatus.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.contract.Field;

/**
 * The one way to plain SQL, for the work that is set-based or measured faster without the ORM: a pooled
 * connection, a local transaction on it, and values bound as the entities store them (times as UTC wall-clock time,
 * as Hibernate reads them with quarkus.hibernate-orm.jdbc.timezone=UTC; each field by its type).
 */
@ApplicationScoped
public class Jdbc {

    /** The longest IN list a statement is given: a bounded number of parameters, whatever the batch. */
    public static final int IN_LIST = 500;

    /** Work on a connection that may throw what JDBC throws. */
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** What a local transaction does. */
    public interface Steps {
        void run() throws SQLException;
    }

    @Inject
    DataSource dataSource;

    /** Runs {@code work} on a pooled connection in auto-commit mode; SQL failures come back as unchecked. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new SqlFailedException(e);
        }
    }

    /** Runs {@code steps} as one local transaction on {@code connection}: all of it commits, or none. */
    public static void inTransaction(Connection connection, Steps steps) throws SQLException {
        connection.setAutoCommit(false);
        try {
            steps.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Deletes the rows of {@code table} matching {@code where} (its parameters {@code values}; instants as UTC times)
     * a batch at a time, each batch committed by itself (DELETE ... LIMIT): no long lock, no transaction over
     * thousands of rows, and a run cut short leaves only whole batches done. Returns how many rows it deleted.
     */
    public static int deleteInBatches(Connection connection, String table, String where, int batch, Object... values)
            throws SQLException {
        int total = 0;
        while (true) {
            int count;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + where
                    + " LIMIT " + batch)) {
                for (int i = 0; i < values.length; i++) {
                    delete.setObject(i + 1, values[i] instanceof Instant instant ? utc(instant) : values[i]);
                }
                count = delete.executeUpdate();
            }
            total += count;
            if (count < batch) {
                return total;
            }
        }
    }

    /** A JDBC failure, unchecked; its cause is the driver's exception, which DatabaseErrors classifies. */
    public static class SqlFailedException extends RuntimeException {
        public SqlFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** An instant as our DATETIME columns hold it: UTC wall-clock time. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A DATETIME column's value as the instant it stands for. */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** Column {@code column} of the current row, read as {@code field}'s type; null where SQL has NULL. */
    public static Object value(ResultSet row, int column, Field<?> field) throws SQLException {
        Object value = switch (field.type()) {
            case COUNT -> row.getInt(column);
            case LARGE_COUNT -> row.getLong(column);
            case PERCENT, AMOUNT -> row.getDouble(column);
            case FLAG -> row.getBoolean(column);
            case TEXT -> row.getString(column);
            case TIMESTAMP -> instant(row.getObject(column, LocalDateTime.class));
        };
        return row.wasNull() ? null : value;
    }

    /** The fields' columns, comma-separated, in order. */
    public static <E> String columns(List<Field<E>> fields) {
        return fields.stream().map(Field::column).collect(Collectors.joining(", "));
    }

    /** "?, ?, ?": {@code count} placeholders. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * Binds each field's value of {@code row} from parameter {@code first} on, by its type: the MariaDB driver's
     * setObject looks for a codec among all it has, a measurable share of a post's CPU at a few hundred a second.
     * Returns the next parameter's index.
     */
    public static <E> int bind(PreparedStatement statement, int first, E row, List<Field<E>> fields)
            throws SQLException {
        int at = first;
        for (Field<E> field : fields) {
            Object value = field.getter().apply(row);
            if (value == null) {
                statement.setNull(at++, switch (field.type()) {
                    case COUNT -> Types.INTEGER;
                    case LARGE_COUNT -> Types.BIGINT;
                    case PERCENT, AMOUNT -> Types.DOUBLE;
                    case FLAG -> Types.BOOLEAN;
                    case TEXT -> Types.VARCHAR;
                    case TIMESTAMP -> Types.TIMESTAMP;
                });
                continue;
            }
            switch (field.type()) {
                case COUNT -> statement.setInt(at, (Integer) value);
                case LARGE_COUNT -> statement.setLong(at, (Long) value);
                case PERCENT, AMOUNT -> statement.setDouble(at, (Double) value);
                case FLAG -> statement.setBoolean(at, (Boolean) value);
                case TEXT -> statement.setString(at, (String) value);
                case TIMESTAMP -> statement.setObject(at, utc((Instant) value));
            }
            at++;
        }
        return at;
    }
}
