package org.hpcstatus.store;

import java.util.List;

/**
 * One name's aggregates over an hour of a system ("" for the system itself): the snapshots seen (system scope), and
 * per metric, in the order asked, {count, min, max, sum} of its values.
 */
public record HourAggregate(String name, int snapshots, List<double[]> metrics) {
}
