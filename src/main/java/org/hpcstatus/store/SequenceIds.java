package org.hpcstatus.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands out snapshot ids from the database sequences of V2 in blocks of {@link #BLOCK}: one sequence call per 50
 * rows. Each value v the sequence returns reserves v .. v+49 for this process alone (Hibernate's pooled-lo), so
 * replicas, and bulk loaders that take one value per row, never collide with it. Ids of a rolled-back post are simply
 * not used again. The entities declare the same sequences with allocationSize 50, so the schema check at start
 * refuses a sequence that steps by anything else.
 */
@ApplicationScoped
public class SequenceIds {

    /** Must equal the sequences' INCREMENT BY and the entities' allocationSize. */
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
}
