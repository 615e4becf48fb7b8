package org.hpcstatus.database;

import java.lang.reflect.Field;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An entity's table and id column as its own annotations declare them, for the set-based SQL that names them: one
 * declaration, read by Hibernate and by that SQL alike.
 */
public final class Mapping {

    private Mapping() {
    }

    public static String table(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null) {
            throw new IllegalArgumentException(entity.getName() + " declares no @Table");
        }
        return table.name();
    }

    /** The sequence the entity's ids come from, as its @Id field's @SequenceGenerator names it. */
    public static String idSequence(Class<?> entity) {
        for (Field field : entity.getDeclaredFields()) {
            SequenceGenerator sequence = field.getAnnotation(SequenceGenerator.class);
            if (field.isAnnotationPresent(Id.class) && sequence != null) {
                return sequence.sequenceName();
            }
        }
        throw new IllegalArgumentException(entity.getName() + " takes no ids from a sequence");
    }

    /** The id's column: an override of the inherited id where the entity has one, else its @Id field's @Column. */
    public static String idColumn(Class<?> entity) {
        for (Class<?> type = entity; type != null; type = type.getSuperclass()) {
            AttributeOverride override = type.getAnnotation(AttributeOverride.class);
            if (override != null && override.name().equals("id")) {
                return override.column().name();
            }
            for (Field field : type.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (field.isAnnotationPresent(Id.class) && column != null) {
                    return column.name();
                }
            }
        }
        throw new IllegalArgumentException(entity.getName() + " declares no id column");
    }
}
