package org.hpcstatus.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands out snapshot ids from the database sequences of V2 in blocks of {@link #BLOCK}: one sequence call per 50
 * rows. Each value v the sequence returns reserves v .. v+49 for this process alone, so replicas, and bulk loaders
 * that take one value per row, never collide with it. Ids of a rolled-back post are simply not used again.
 */
@ApplicationScoped
public class SequenceIds {

    /** Must equal the sequences' INCREMENT BY; {@link #verifyBlockSize} refuses to start when it does not. */
    static final int BLOCK = 50;

    private static final class Block {
        long next;
        long end;
    }

    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public long next(Connection connection, String sequence) throws SQLException {
        Block block = blocks.computeIfAbsent(sequence, s -> new Block());
        synchronized (block) {
            if (block.next >= block.end) {
                try (Statement statement = connection.createStatement();
                        ResultSet value = statement.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
                    value.next();
                    block.next = value.getLong(1);
                    block.end = block.next + BLOCK;
                }
            }
            return block.next++;
        }
    }

    /**
     * Checks that each sequence steps by {@link #BLOCK}. With a smaller step, two replicas (or this process and a bulk
     * loader) would be handed overlapping blocks and collide on primary keys; that must stop the start, not surface
     * later as failed posts.
     */
    void verifyBlockSize(Connection connection, List<String> sequences) throws SQLException {
        boolean mariadb = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("maria");
        for (String sequence : sequences) {
            // MariaDB 10.11 has no INFORMATION_SCHEMA.SEQUENCES, but a sequence can be read as a one-row table.
            String query = mariadb ? "SELECT increment FROM " + sequence
                    : "SELECT increment FROM information_schema.sequences WHERE LOWER(sequence_name) = ?";
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                if (!mariadb) {
                    statement.setString(1, sequence);
                }
                try (ResultSet row = statement.executeQuery()) {
                    long increment = row.next() ? row.getLong(1) : -1;
                    if (increment != BLOCK) {
                        throw new IllegalStateException("Sequence " + sequence + " steps by " + increment + ", but ids are "
                                + "reserved in blocks of " + BLOCK + ": ALTER SEQUENCE " + sequence + " INCREMENT BY "
                                + BLOCK + " (and RESTART it above the table's largest id)");
                    }
                }
            }
        }
    }
}
