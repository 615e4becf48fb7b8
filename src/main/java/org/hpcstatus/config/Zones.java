package org.hpcstatus.config;

import java.time.ZoneId;

/** The time zones the settings name, resolved. */
public final class Zones {

    /** UTC by its name, as the warnings say it ("read as UTC"), not as the offset Z. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private Zones() {
    }

    /** The zone the pages show times in: hpcstatus.dashboard.display-zone, else the server's. */
    public static ZoneId display(StatusConfig.Dashboard settings) {
        return settings.displayZoneSetting().orElse(ZoneId.systemDefault());
    }

    /**
     * The zone naive timestamps are read in: hpcstatus.ingest.naive-timestamp-zone, else the display zone a site
     * set (a site in Denver whose collectors send Denver's local time sets one zone, not two), else UTC.
     */
    public static ZoneId naiveTimestamps(StatusConfig config) {
        return config.ingest().naiveTimestampZoneSetting()
                .orElseGet(() -> config.dashboard().displayZoneSetting().orElse(UTC));
    }
}
