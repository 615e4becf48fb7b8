package org.hpcstatus.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import org.hpcstatus.kind.Utilization;

/** Formatting for the templates: missing values read "n/a", never 0; times carry their zone's abbreviation. */
@TemplateExtension(namespace = "fmt")
public class Formats {

    static final String NOT_AVAILABLE = "n/a";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm z", Locale.US);
    private static final DateTimeFormatter DAY_YEAR_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.US);

    /** 1245 -> "1,245". */
    public static String count(Integer value) {
        return value == null ? NOT_AVAILABLE : NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** 1 -> "1 node", 1245 -> "1,245 nodes". */
    public static String nodes(int value) {
        return count(value) + (value == 1 ? " node" : " nodes");
    }

    /** 1200000000 -> "1,200,000,000". */
    static String bigCount(Long value) {
        return value == null ? NOT_AVAILABLE : NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** "245,000 of 321,536 cores", or "" when the amounts were not collected. */
    static String amounts(Utilization u) {
        return u.hasAmounts() ? whole(u.used()) + " of " + whole(u.total()) + " " + u.unit() : "";
    }

    /** 76.24 -> "76.2%". */
    static String percent(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.US, "%.1f%%", value);
    }

    /** 2.345 -> "2.35". */
    static String decimal(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.US, "%.2f", value);
    }

    /** 16500.0 -> "16,500". */
    static String whole(Double value) {
        return value == null ? NOT_AVAILABLE : NumberFormat.getIntegerInstance(Locale.US).format(Math.round(value));
    }

    /** "14:30 MST". */
    static String time(ZonedDateTime value) {
        return value == null ? NOT_AVAILABLE : TIME.format(value);
    }

    /**
     * "Tue 25 Nov, 14:30 MST" for times that may be days away, with the year when it is not the year of {@code now}
     * ("Tue 25 Nov 2025, 14:30 MST"): a year-old outage must not read as current.
     */
    public static String dayTime(ZonedDateTime value, ZonedDateTime now) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        return value.getYear() == now.withZoneSameInstant(value.getZone()).getYear() ? DAY_TIME.format(value)
                : DAY_YEAR_TIME.format(value);
    }

    /** "overdue by 2 h" once an estimate has passed, else null. */
    public static String overdue(ZonedDateTime estimate, ZonedDateTime now) {
        if (estimate == null || !estimate.isBefore(now)) {
            return null;
        }
        long seconds = Duration.between(estimate, now).toSeconds();
        return "overdue by " + (seconds < 3600 ? Math.max(1, seconds / 60) + " min"
                : seconds < 48 * 3600 ? seconds / 3600 + " h" : seconds / 86400 + " days");
    }

    /** "2025-11-25 14:30:00 MST", for hover titles. */
    static String exact(ZonedDateTime value) {
        return value == null ? NOT_AVAILABLE : DATE_TIME.format(value);
    }

    /** A name as one segment of a URL path ("gpu main" -> "gpu%20main"). */
    static String pathSegment(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Machine-readable, for datetime attributes. */
    static String iso(ZonedDateTime value) {
        return value == null ? "" : value.toOffsetDateTime().toString();
    }

    /** 190 -> "3 min ago". */
    static String ago(long seconds) {
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min ago";
        }
        if (seconds < 48 * 3600) {
            return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min ago";
        }
        return (seconds / 86400) + " days ago";
    }

    /** 1080 -> "18 minutes", for the staleness warning. */
    static String duration(long seconds) {
        if (seconds < 3600) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (seconds < 48 * 3600) {
            long hours = seconds / 3600;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return (seconds / 86400) + " days";
    }

    /**
     * How long the jobs that started in the last hour waited, to follow "waited": "a median 14 min, 9 in 10 within
     * 2 h (23 jobs)"; null where none started or the collector does not report waits.
     */
    public static String waited(Integer started, Integer medianMinutes, Integer p90Minutes) {
        if (started == null || started == 0 || medianMinutes == null || p90Minutes == null) {
            return null;
        }
        return "a median " + minutes(medianMinutes) + ", 9 in 10 within " + minutes(p90Minutes) + " (" + count(started)
                + (started == 1 ? " job)" : " jobs)");
    }

    /** 14 -> "14 min", 130 -> "2 h 10 min", 4000 -> "2 days 18 h". */
    static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return minutes / 1440 + " days" + (minutes % 1440 / 60 == 0 ? "" : " " + minutes % 1440 / 60 + " h");
    }

    /** The value a meter element shows; 0 for n/a, which the template never renders as a meter anyway. */
    static double meter(Double percent) {
        return percent == null ? 0 : Math.max(0, Math.min(100, percent));
    }
}
