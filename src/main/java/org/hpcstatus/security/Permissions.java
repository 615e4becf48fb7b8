package org.hpcstatus.security;

/**
 * Permission names. Roles grant permissions in the role_permission table, and the JDBC realm hands a caller's
 * permissions to Quarkus as its roles, so endpoints check permissions with {@code @RolesAllowed}.
 */
public final class Permissions {

    /** Post status snapshots and outages. */
    public static final String MANAGE_SYSTEM_STATUS = "MANAGE_SYSTEM_STATUS";

    /** Change outages: edit their fields, post timeline updates, resolve them (PATCH and /updates). Held by admin. */
    public static final String EDIT_SYSTEM_STATUS = "EDIT_SYSTEM_STATUS";

    /** See per-user and per-project load (user names and project codes: personal data). Held by admin. */
    public static final String VIEW_SYSTEM_STATUS_USER_INFO = "VIEW_SYSTEM_STATUS_USER_INFO";

    private Permissions() {
    }
}
