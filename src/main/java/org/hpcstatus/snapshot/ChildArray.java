package org.hpcstatus.snapshot;

/** The arrays of child rows a snapshot post may carry; a system's kind says which ones it posts. */
public enum ChildArray {
    LOGIN_NODES("login_nodes"),
    QUEUES("queues"),
    FILESYSTEMS("filesystems"),
    NODE_TYPES("node_types"),
    HUB_NODES("nodes");

    /** The array's name in the JSON of a post and of the read API. */
    public final String jsonName;

    ChildArray(String jsonName) {
        this.jsonName = jsonName;
    }
}
