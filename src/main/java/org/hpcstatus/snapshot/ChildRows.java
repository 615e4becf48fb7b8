package org.hpcstatus.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a snapshot's arrays, by array: what a post carried, or what is read back. An array the system's kind
 * does not post, or one a post left out, has no rows.
 */
public final class ChildRows {

    private final Map<ChildArray<?>, List<?>> rows = new LinkedHashMap<>();

    public <E> ChildRows put(ChildArray<E> array, List<E> list) {
        rows.put(array, List.copyOf(list));
        return this;
    }

    @SuppressWarnings("unchecked") // put() keeps each array's rows of its own type
    public <E> List<E> of(ChildArray<E> array) {
        return (List<E>) rows.getOrDefault(array, List.of());
    }
}
