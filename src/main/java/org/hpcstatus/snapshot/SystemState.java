package org.hpcstatus.snapshot;

/** A system's overall state on the dashboard, with the word, icon and CSS class that show it. */
public enum SystemState {
    OPERATIONAL("Operational", "\u2714", "ok"),
    DEGRADED("Degraded", "\u26A0", "degraded"),
    DOWN("Down", "\u2716", "down"),
    STALE("Stale", "\u25F7", "stale"),
    NO_DATA("No data", "?", "nodata");

    public final String label;
    public final String icon;
    public final String cssClass;

    SystemState(String label, String icon, String cssClass) {
        this.label = label;
        this.icon = icon;
        this.cssClass = cssClass;
    }
}
