package org.hpcstatus.system;

import java.util.Locale;
import java.util.function.Supplier;

import org.hpcstatus.database.Mapping;

/**
 * A table of names that snapshot rows refer to by id, one row per (system, name): rows are never renamed or
 * deleted. A queue's status and its place in the roster share one name.
 */
public enum NameTable {
    LOGIN_NODE(LoginNodeName.class, LoginNodeName::new),
    QUEUE(QueueName.class, QueueName::new),
    FILESYSTEM(FilesystemName.class, FilesystemName::new),
    NODE_TYPE(NodeTypeName.class, NodeTypeName::new),
    HUB_NODE(HubNodeName.class, HubNodeName::new);

    /** The entity, and its table and id column (which the rows referring to it carry under the same name). */
    public final Class<? extends NamedRow> entity;
    public final String table;
    public final String idColumn;
    final Supplier<NamedRow> newRow;

    NameTable(Class<? extends NamedRow> entity, Supplier<NamedRow> newRow) {
        this.entity = entity;
        this.table = Mapping.table(entity);
        this.idColumn = Mapping.idColumn(entity);
        this.newRow = newRow;
    }

    /** As a history series names what it belongs to ("queue", "login_node"), and as rollup.scope stores it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
