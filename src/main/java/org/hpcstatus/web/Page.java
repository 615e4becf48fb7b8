package org.hpcstatus.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;

/**
 * Page-wide facts every HTML page's layout shows: title, refresh interval (0: the page does not reload itself, as
 * a page with a form must not), when it was rendered (display zone), who is looking (palette, operator), and the tab
 * strip between the overview, each system and the history (empty on error pages).
 */
public record Page(String title, long refreshSeconds, ZonedDateTime renderedAt, Visitor visitor, List<Tab> tabs) {

    /** One tab: its own URL; current on the page it names. */
    public record Tab(String href, String label, boolean current) {
    }

    public static Page of(String title, StatusConfig.Dashboard settings, Instant now, Visitor visitor, List<Tab> tabs) {
        return new Page(title, settings.refresh().toSeconds(), now.atZone(Zones.display(settings)), visitor, tabs);
    }

    /** A page with a form: reloading would throw away what the operator typed. */
    public Page withoutRefresh() {
        return new Page(title, 0, renderedAt, visitor, tabs);
    }
}
