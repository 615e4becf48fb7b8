package org.hpcstatus.config;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads hpcstatus.dashboard.display-zone: a zone id such as America/Denver, or "system" for the server's zone. */
public class DisplayZoneConverter implements Converter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        String zone = value.strip();
        if ("system".equalsIgnoreCase(zone)) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time zone (e.g. America/Denver, UTC, or system)");
        }
    }
}
