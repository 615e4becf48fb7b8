package org.hpcstatus.dashboard;

import io.quarkus.qute.TemplateExtension;
import org.hpcstatus.snapshot.SystemState;

/** How each state looks on the pages: {state.label}, {state.icon} and {state.cssClass} in the templates. */
@TemplateExtension
public class StateStyles {

    static String label(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> "Operational";
            case DEGRADED -> "Degraded";
            case DOWN -> "Down";
            case STALE -> "Stale";
            case NO_DATA -> "No data";
        };
    }

    static String icon(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> "\u2714";
            case DEGRADED -> "\u26A0";
            case DOWN -> "\u2716";
            case STALE -> "\u25F7";
            case NO_DATA -> "?";
        };
    }

    /** The suffix of the state-* CSS classes in dashboard.css. */
    static String cssClass(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> "ok";
            case DEGRADED -> "degraded";
            case DOWN -> "down";
            case STALE -> "stale";
            case NO_DATA -> "nodata";
        };
    }
}
