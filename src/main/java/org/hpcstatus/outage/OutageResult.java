package org.hpcstatus.outage;

/** The outage a post created ({@code updated} false) or updated because it matched an open one. */
public record OutageResult(long outageId, boolean updated) {
}
