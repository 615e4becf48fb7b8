package org.hpcstatus.kind;

/** A headline number, such as "Running jobs"; a null value was not collected and shows as n/a, never 0. */
public record Figure(String label, Integer value) {
}
