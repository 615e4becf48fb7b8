package org.hpcstatus.snapshot;

/** A group of compute nodes and how many of them are available; null counts were not collected. */
public record Partition(String label, Integer available, Integer total) {
}
