package org.hpcstatus.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SHA-256 over the validated values of a post, field by field. Two posts hash the same exactly when they would
 * store the same rows, whatever their key order, whitespace, ignored fields or the order of the rows in an array
 * (collectors list login nodes in a different order on every run, and a retry must still be recognised).
 */
public final class ContentHash {

    private final StringBuilder canonical = new StringBuilder(1024);

    public <E> ContentHash add(String section, E entity, List<Field<E>> fields) {
        canonical.append('[').append(section).append(']').append(row(entity, fields));
        return this;
    }

    /** Adds the rows of an array as a set: their order in the post does not change the hash. */
    public <E> ContentHash addAll(String section, List<E> entities, List<Field<E>> fields) {
        List<String> rows = new ArrayList<>(entities.size());
        for (E entity : entities) {
            rows.add(row(entity, fields));
        }
        Collections.sort(rows);
        for (String row : rows) {
            canonical.append('[').append(section).append(']').append(row);
        }
        return this;
    }

    public String hex() {
        return Sha256.hex(canonical.toString());
    }

    private static <E> String row(E entity, List<Field<E>> fields) {
        StringBuilder row = new StringBuilder(128);
        for (Field<E> field : fields) {
            Object value = field.getter().apply(entity);
            if (value != null) {
                row.append(field.name()).append('=').append(value).append(';');
            }
        }
        return row.toString();
    }
}
