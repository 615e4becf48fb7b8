package org.hpcstatus.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads the timestamp formats collectors send. Python's {@code datetime.now().isoformat()} has no offset, so naive
 * values are common; they are read in one configured zone, never the JVM's default zone.
 */
public final class Timestamps {

    /** Earliest instant accepted: older values are typos, and the database's DATETIME cannot hold everything. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Latest instant accepted: a DATETIME column holds nothing past 9999-12-31, and no real event is that far. */
    public static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private Timestamps() {
    }

    /** The instant, truncated to microseconds (what DATETIME(6) stores), or empty if the text is no timestamp. */
    public static Optional<Instant> parse(String text, ZoneId naiveZone) {
        String value = text.trim();
        try {
            if (looksOffset(value)) {
                return Optional.of(truncate(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
            }
            LocalDateTime local = LocalDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return Optional.of(truncate(local.atZone(naiveZone).toInstant()));
        } catch (DateTimeException notATimestamp) {
            return Optional.empty();
        }
    }

    /** Whether the text is a timestamp without an offset, read in the configured zone rather than stated. */
    public static boolean isNaive(String text) {
        String value = text.trim();
        if (looksOffset(value)) {
            return false;
        }
        try {
            LocalDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeException notATimestamp) {
            return false;
        }
    }

    /**
     * Whether the text ends in an offset (Z, +hh:mm, -hh:mm) after its date: which parser to try, so that the naive
     * timestamps most collectors send are read without a failed parse first. The parser still decides validity.
     */
    private static boolean looksOffset(String value) {
        int dateEnd = value.indexOf('T') > 0 ? value.indexOf('T') : value.indexOf(' ');
        if (dateEnd < 0) {
            return true; // no time part: let the strict parser say what is wrong
        }
        char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        return last == 'Z' || last == 'z' || value.indexOf('+', dateEnd) > 0 || value.indexOf('-', dateEnd) > 0;
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
