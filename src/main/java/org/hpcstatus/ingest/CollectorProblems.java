package org.hpcstatus.ingest;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import org.hpcstatus.security.CachingIdentityProvider;
import org.hpcstatus.status.PostRejections;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * Tells a site about a misconfigured collector where people look: the log, once per system and problem an hour (a
 * collector posts every five minutes: every time would flood the log, never would hide it), the metrics, and the
 * system's page (through {@link PostRejections} and the warnings stored with each snapshot).
 */
@ApplicationScoped
class CollectorProblems {

    private static final Duration LOG_EVERY = Duration.ofHours(1);

    /** What was logged within the hour, by system and problem; bounded, so odd errors cannot grow it. */
    private final Cache<String, Boolean> logged = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(LOG_EVERY).build();

    @Inject
    PostRejections rejections;

    void rejected(ConfiguredSystem system, String credential, int status, String error) {
        rejections.count(system);
        if (firstThisHour(system, status + " " + firstProblem(error))) {
            Log.warnf("Rejected %s post from credential %s with %d (logged once an hour per system and error): %s",
                    system.name(), credential == null ? "(none)" : CachingIdentityProvider.printable(credential), status,
                    error);
        }
        try {
            rejections.record(system, credential, error);
        } catch (RuntimeException e) {
            // The collector still gets its 4xx; only the page's notice of it is lost.
            Log.warnf("Could not record the rejected %s post: %s", system.name(), e.toString());
        }
    }

    void warned(ConfiguredSystem system, List<String> warnings) {
        for (String warning : warnings) {
            // The same problem whatever its figures: the lag ("7 h", "414 min") and the time sent change with each post.
            if (firstThisHour(system, warning.replaceAll("\\d+ (h|min)\\b", "#").replaceAll("\\d", "#"))) {
                Log.warnf("%s collector (logged once an hour): %s", system.name(), warning);
            }
        }
    }

    private boolean firstThisHour(ConfiguredSystem system, String problem) {
        return logged.asMap().putIfAbsent(system.name() + "\n" + problem, Boolean.TRUE) == null;
    }

    /** The first of the problems a 400 lists ("a; b; c"), which names the field, without the value sent. */
    private static String firstProblem(String error) {
        int end = error.indexOf(';');
        String first = end < 0 ? error : error.substring(0, end);
        int got = first.indexOf(", got ");
        return got < 0 ? first : first.substring(0, got);
    }
}
