package org.hpcstatus.snapshot;

/**
 * The arrays of rows a snapshot post may carry; a system's kind says which ones it posts. Most are rows of the
 * snapshot's instant, stored with it; the last three describe the present (the queue roster, reservations, per-user
 * load) and are kept from a system's newest post only ({@link #ofNewestOnly}).
 */
public enum ChildArray {
    LOGIN_NODES("login_nodes"),
    QUEUES("queues"),
    FILESYSTEMS("filesystems"),
    NODE_TYPES("node_types"),
    HUB_NODES("nodes"),
    QUEUE_DEFINITIONS("queue_definitions"),
    RESERVATIONS("reservations"),
    USER_LOADS("user_project_queues");

    /** The array's name in the JSON of a post and of the read API. */
    public final String jsonName;

    ChildArray(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Whether the rows say what is true now, so only the system's newest post's rows are kept. */
    public boolean ofNewestOnly() {
        return this == QUEUE_DEFINITIONS || this == RESERVATIONS || this == USER_LOADS;
    }
}
