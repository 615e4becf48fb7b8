package org.hpcstatus.live;

import java.util.Map;

/**
 * One event of the stream: {@code type} is snapshot, state or outage; {@code id} orders events (milliseconds since
 * the epoch times 1000 plus a counter, so that ids from different replicas compare roughly by time).
 */
public record LiveEvent(long id, String type, Map<String, Object> data) {

    /** An event before the stream numbers it. */
    record Draft(String type, Map<String, Object> data) {
    }
}
