package org.hpcstatus.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled maintenance and reservations as an iCalendar feed (RFC 5545) that calendar clients subscribe to: CRLF
 * line ends, lines folded at 75 octets, text escaped, a stable UID per event, DTSTAMP, and times in UTC.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    /** One event; end may be null (a maintenance without announced end lasts an hour in calendars). */
    record Event(String uid, Instant start, Instant end, String summary, String description, String url,
            Instant lastModified) {
    }

    private ICalendar() {
    }

    static String render(List<Event> events, String host, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//hpc-status//maintenance//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("X-WR-CALNAME:" + escape("HPC maintenance and reservations"));
        for (Event event : events) {
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + event.uid() + "@" + host);
            lines.add("DTSTAMP:" + UTC.format(now));
            lines.add("DTSTART:" + UTC.format(event.start()));
            lines.add("DTEND:" + UTC.format(event.end() != null && event.end().isAfter(event.start()) ? event.end()
                    : event.start().plusSeconds(3600)));
            lines.add("SUMMARY:" + escape(event.summary()));
            if (event.description() != null && !event.description().isBlank()) {
                lines.add("DESCRIPTION:" + escape(event.description()));
            }
            if (event.url() != null) {
                lines.add("URL:" + event.url());
            }
            if (event.lastModified() != null) {
                lines.add("LAST-MODIFIED:" + UTC.format(event.lastModified()));
            }
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(fold(line)));
        return out.toString();
    }

    /** TEXT values: backslash, semicolon, comma and newline escaped; other control characters dropped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n").replaceAll("\\p{Cntrl}", "");
    }

    /** Splits a content line into lines of at most 75 octets, continuations starting with a space, never inside a
     * UTF-8 sequence; each ends with CRLF. */
    static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.append("\r\n").toString();
    }
}
