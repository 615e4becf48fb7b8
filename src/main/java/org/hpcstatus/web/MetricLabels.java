package org.hpcstatus.web;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the HTTP metrics' label values bounded: anyone, without a login, can send a request with an invented method
 * name ("FOO", "X1", ...), and each would otherwise start a metric series of its own that lives as long as the
 * process. Methods outside HTTP's own are counted together as OTHER.
 */
@Singleton
public class MetricLabels {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "CONNECT");

    @Produces
    @Singleton
    MeterFilter knownMethodsOnly() {
        return MeterFilter.replaceTagValues("method",
                method -> METHODS.contains(method.toUpperCase(Locale.ROOT)) ? method : "OTHER");
    }

}
