package org.hpcstatus.web;

import io.quarkus.qute.TemplateExtension;
import org.hpcstatus.status.SystemState;

/** How each state looks on the pages: {state.label}, {state.icon} and {state.cssClass} in the templates. */
@TemplateExtension
public class StateStyles {

    /** The word, the icon, and the suffix of the state-* CSS classes in dashboard.css. */
    private record Style(String label, String icon, String cssClass) {
    }

    private static Style style(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> new Style("Operational", "\u2714", "ok");
            case DEGRADED -> new Style("Degraded", "\u26A0", "degraded");
            case DOWN -> new Style("Down", "\u2716", "down");
            case MAINTENANCE -> new Style("Maintenance", "\u2692", "maintenance");
            case STALE -> new Style("Stale", "\u25F7", "stale");
            case NO_DATA -> new Style("No data", "?", "nodata");
        };
    }

    public static String label(SystemState state) {
        return style(state).label();
    }

    static String icon(SystemState state) {
        return style(state).icon();
    }

    static String cssClass(SystemState state) {
        return style(state).cssClass();
    }
}
