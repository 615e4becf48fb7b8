package org.hpcstatus.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/** What every page shows around its content: its title, the time, who is looking, and the tab strip. */
@ApplicationScoped
public class PageChrome {

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    Visitor visitor;

    public Page page(String title) {
        return page(title, clock.instant());
    }

    public Page page(String title, Instant now) {
        return Page.of(title, config.dashboard(), now, visitor, tabs());
    }

    /** Overview, each system in dashboard order, the history: each its own URL, the one shown marked current. */
    private List<Page.Tab> tabs() {
        String path = visitor.path();
        List<Page.Tab> tabs = new ArrayList<>();
        tabs.add(new Page.Tab("/", "Overview", path.equals("/")));
        for (ConfiguredSystem system : systems.all()) {
            String href = "/status/" + system.name();
            tabs.add(new Page.Tab(href, system.displayName(), path.equalsIgnoreCase(href)));
        }
        tabs.add(new Page.Tab("/outages", "Incidents", path.equals("/outages")));
        return tabs;
    }
}
