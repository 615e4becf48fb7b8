package org.hpcstatus.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Micrometer describes system_cpu_usage and process_cpu_usage with double quotes, which the Prometheus registry
 * writes into HELP as {@code \"}: an escape the text format does not have. Prometheus itself shrugs, but strict
 * parsers (promtool check metrics, Telegraf, New Relic) refuse the whole scrape, so quotes become apostrophes.
 */
@Singleton
public class PlainDescriptions {

    @Produces
    @Singleton
    MeterFilter withoutDoubleQuotes() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }
}
