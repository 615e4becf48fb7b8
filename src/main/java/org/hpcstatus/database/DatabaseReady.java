package org.hpcstatus.database;

/**
 * Fired once the schema is migrated and validated, which may be long after start when the database was down then.
 * What needs the database to get going (system ids, latest pointers, the bootstrap credential) observes this, not
 * the startup event.
 */
public record DatabaseReady() {
}
