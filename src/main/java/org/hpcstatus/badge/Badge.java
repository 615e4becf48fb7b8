package org.hpcstatus.badge;

import org.hpcstatus.status.SystemState;

/**
 * A status badge in the flat style documentation sites show ("Derecho | Operational"), drawn as SVG text: no font
 * metrics are available on the server, so the widths come from average Verdana 11px advances, a little generous.
 */
final class Badge {

    private static final int PADDING = 6;

    private Badge() {
    }

    static String svg(String label, String message, SystemState state) {
        int left = width(label);
        int right = width(message);
        int total = left + right;
        String colour = colour(state);
        String title = escape(label + ": " + message);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\""
                + " aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
                + "<text x=\"" + (left / 2.0) + "\" y=\"14\">" + escape(label) + "</text>"
                + "<text x=\"" + (left + right / 2.0) + "\" y=\"14\">" + escape(message) + "</text></g></svg>";
    }

    /** Background colours with white text at a contrast of at least 4.5:1. */
    static String colour(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> "#2e7d32";
            case DEGRADED -> "#a65300";
            case DOWN -> "#c62828";
            case MAINTENANCE -> "#1565c0";
            case STALE, NO_DATA -> "#616161";
        };
    }

    static int width(String text) {
        double advance = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            advance += "ijlI.,:;'|! ".indexOf(c) >= 0 ? 3.5 : "mwMW".indexOf(c) >= 0 ? 10.5
                    : Character.isUpperCase(c) ? 8 : 7;
        }
        return (int) Math.ceil(advance) + 2 * PADDING;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
