package org.hpcstatus.ingest;

import java.util.List;

import org.hpcstatus.security.Sha256;

/**
 * A SHA-256 over the validated values of a post, field by field in a fixed order. Two posts hash the same exactly when
 * they would store the same rows, whatever their key order, whitespace or ignored fields.
 */
final class ContentHash {

    private final StringBuilder canonical = new StringBuilder(1024);

    <E> ContentHash add(String section, E entity, List<Field<E>> fields) {
        canonical.append('[').append(section).append(']');
        for (Field<E> field : fields) {
            Object value = field.getter().apply(entity);
            if (value != null) {
                canonical.append(field.name()).append('=').append(value).append(';');
            }
        }
        return this;
    }

    <E> ContentHash addAll(String section, List<E> entities, List<Field<E>> fields) {
        for (E entity : entities) {
            add(section, entity, fields);
        }
        return this;
    }

    String hex() {
        return Sha256.hex(canonical.toString());
    }
}
