package org.hpcstatus.contract;

/** What a JSON field may hold. Types are strict: "100" is not a number, 1.5 is not a count, true is not a number. */
public enum FieldType {
    /** A non-negative integer that fits an INT column. */
    COUNT,
    /** A non-negative integer that may exceed an INT (inode counts). */
    LARGE_COUNT,
    /** A finite number from 0 to 100. */
    PERCENT,
    /** A finite non-negative number (GB, TB, load averages). */
    AMOUNT,
    /** true or false. */
    FLAG,
    /** A string, optionally limited to a set of values. */
    TEXT,
    /** An instant: ISO-8601 with Z or an offset, naive ISO-8601, or "YYYY-MM-DD HH:MM:SS" (read in the configured zone). */
    TIMESTAMP
}
