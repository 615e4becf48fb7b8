package org.hpcstatus.dashboard;

import java.util.List;
import java.util.function.Function;

import org.hpcstatus.web.Formats;

/**
 * The rows of a page table as shown: at most hpcstatus.dashboard.max-table-rows of them, and how many there are. A
 * collector may send thousands of queues or filesystems; the page stays small and fast, says what it left out, and
 * links to the JSON API, which has them all.
 */
public record TableRows<T>(List<T> shown, int total) {

    /** The first {@code max} of {@code all}, mapped; only those are mapped. */
    public static <S, T> TableRows<T> first(List<S> all, int max, Function<S, T> row) {
        return new TableRows<>(all.stream().limit(max).map(row).toList(), all.size());
    }

    /** No rows. */
    public static <T> TableRows<T> none() {
        return new TableRows<>(List.of(), 0);
    }

    public boolean truncated() {
        return total > shown.size();
    }

    public String omitted() {
        return Formats.count(total - shown.size());
    }

    public String totalText() {
        return Formats.count(total);
    }
}
