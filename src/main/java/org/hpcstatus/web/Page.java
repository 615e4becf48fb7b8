package org.hpcstatus.web;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.hpcstatus.config.StatusConfig;

/** Page-wide facts every HTML page's layout shows: title, refresh interval, when it was rendered (display zone). */
public record Page(String title, long refreshSeconds, ZonedDateTime renderedAt) {

    public static Page of(String title, StatusConfig.Dashboard settings, Instant now) {
        return new Page(title, settings.refresh().toSeconds(), now.atZone(settings.displayZone()));
    }
}
