package org.hpcstatus.snapshot;

/** How much of a resource is in use, in percent; null when the collector did not send it. */
public record Utilization(String label, Double percent) {
}
