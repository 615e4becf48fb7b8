package org.hpcstatus.system;

import java.util.Locale;

/**
 * A table of names that snapshot rows refer to by id, one row per (system, name): rows are never renamed or
 * deleted. A queue's status and its place in the roster share one name.
 */
public enum NameTable {
    LOGIN_NODE("login_node", "login_node_id"),
    QUEUE("batch_queue", "queue_id"),
    FILESYSTEM("filesystem", "filesystem_id"),
    NODE_TYPE("node_type", "node_type_id"),
    HUB_NODE("hub_node", "hub_node_id");

    /** The table, and its id column, which the rows referring to it carry under the same name. */
    public final String table;
    public final String idColumn;

    NameTable(String table, String idColumn) {
        this.table = table;
        this.idColumn = idColumn;
    }

    /** As a history series names what it belongs to ("queue", "login_node"), and as rollup.scope stores it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
