package org.hpcstatus.web;

/** Where a form may send a browser back to: a path on this site, never another site (no open redirect). */
public final class LocalPaths {

    private LocalPaths() {
    }

    public static String orDefault(String path, String fallback) {
        if (path == null || path.isEmpty() || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        return path;
    }
}
