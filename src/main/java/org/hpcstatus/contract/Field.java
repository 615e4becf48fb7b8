package org.hpcstatus.contract;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One JSON field of a payload and the entity property it lives in. The same definition drives validation on ingest
 * and the JSON of the read API, so the two can never disagree on a name.
 *
 * @param name      the JSON name, as the collectors guide spells it
 * @param type      what the value may be
 * @param required  whether a post without it is rejected
 * @param nullSaysNotCollected for a required field, whether an explicit null passes: the collector tried and could
 *                  not collect it (its command failed), which the pages show as missing data, never as 0
 * @param maxLength for TEXT, the longest accepted value
 * @param allowed   for TEXT, the accepted values (empty: any)
 * @param keepEmpty for TEXT, whether "" is a value (a free node's job list) rather than "not sent"
 * @param storedIn  the column, where it is not the JSON name (see {@link #column()})
 */
public record Field<E>(String name, FieldType type, boolean required, boolean nullSaysNotCollected, int maxLength,
        List<String> allowed,
        boolean keepEmpty, String storedIn, Function<E, Object> getter, BiConsumer<E, Object> setter) {

    public static <E> Field<E> count(String name, Function<E, Integer> getter, BiConsumer<E, Integer> setter) {
        return of(name, FieldType.COUNT, getter, setter, Integer.class);
    }

    public static <E> Field<E> largeCount(String name, Function<E, Long> getter, BiConsumer<E, Long> setter) {
        return of(name, FieldType.LARGE_COUNT, getter, setter, Long.class);
    }

    public static <E> Field<E> percent(String name, Function<E, Double> getter, BiConsumer<E, Double> setter) {
        return of(name, FieldType.PERCENT, getter, setter, Double.class);
    }

    public static <E> Field<E> amount(String name, Function<E, Double> getter, BiConsumer<E, Double> setter) {
        return of(name, FieldType.AMOUNT, getter, setter, Double.class);
    }

    public static <E> Field<E> flag(String name, Function<E, Boolean> getter, BiConsumer<E, Boolean> setter) {
        return of(name, FieldType.FLAG, getter, setter, Boolean.class);
    }

    public static <E> Field<E> text(String name, int maxLength, Function<E, String> getter, BiConsumer<E, String> setter) {
        return new Field<>(name, FieldType.TEXT, false, false, maxLength, List.of(), false, null, getter::apply,
                (entity, value) -> setter.accept(entity, (String) value));
    }

    public static <E> Field<E> timestamp(String name, Function<E, Instant> getter, BiConsumer<E, Instant> setter) {
        return of(name, FieldType.TIMESTAMP, getter, setter, Instant.class);
    }

    private static <E, T> Field<E> of(String name, FieldType type, Function<E, T> getter, BiConsumer<E, T> setter,
            Class<T> valueClass) {
        return new Field<>(name, type, false, false, 0, List.of(), false, null, getter::apply,
                (entity, value) -> setter.accept(entity, valueClass.cast(value)));
    }

    /**
     * The column the value is stored in. A JSON name is its column name, except where SQL or the table already uses
     * the word ({@link #storedIn(String)}): this is the one place that maps the payload onto the schema, and the
     * entities' column names follow it (checked by a test that reads every field back).
     */
    public String column() {
        return storedIn != null ? storedIn : name;
    }

    public Field<E> mandatory() {
        return new Field<>(name, type, true, false, maxLength, allowed, keepEmpty, storedIn, getter, setter);
    }

    /**
     * Required, but an explicit null passes: a collector whose command failed says so rather than leaving the field
     * out (which is a broken or outdated collector) or sending 0 (which would read as a fact).
     */
    public Field<E> mandatoryOrNotCollected() {
        return new Field<>(name, type, true, true, maxLength, allowed, keepEmpty, storedIn, getter, setter);
    }

    /** The same field, not required (a partial update sends only what changes). */
    public Field<E> optional() {
        return new Field<>(name, type, false, false, maxLength, allowed, keepEmpty, storedIn, getter, setter);
    }

    public Field<E> oneOf(String... values) {
        return new Field<>(name, type, required, nullSaysNotCollected, maxLength, List.of(values), keepEmpty, storedIn,
                getter, setter);
    }

    /** An empty string is stored and read back as sent, not taken for a value that was not collected. */
    public Field<E> keepingEmpty() {
        return new Field<>(name, type, required, nullSaysNotCollected, maxLength, allowed, true, storedIn, getter, setter);
    }

    /** A field read from the post but kept in no column (a reservation's system_name, which must be its system). */
    public Field<E> notStored() {
        return storedIn("");
    }

    /** Whether the value has a column; see {@link #notStored()}. */
    public boolean stored() {
        return !"".equals(storedIn);
    }

    /** The same field, in a column of another name (a word SQL reserves, or one the table uses already). */
    public Field<E> storedIn(String column) {
        return new Field<>(name, type, required, nullSaysNotCollected, maxLength, allowed, keepEmpty, column, getter, setter);
    }
}
