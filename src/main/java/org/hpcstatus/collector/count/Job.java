package org.hpcstatus.collector.count;

/**
 * One job (or array task) as the status page counts it, from any scheduler: where it runs or waits, whose it is,
 * and what it holds (running) or asks for (pending, held).
 */
public record Job(String queue, String user, String project, State state, int cores, int gpus, int nodes) {

    public enum State { RUNNING, PENDING, HELD, OTHER }
}
