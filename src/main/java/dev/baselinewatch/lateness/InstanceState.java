package dev.baselinewatch.lateness;

import dev.baselinewatch.event.StatusInfo;

/** What the lateness function keeps for one baseline instance: the latest status. A Flink POJO. */
public class InstanceState {
    public StatusInfo status;
    public String lastRequestId;
    /** The cleanup timer already registered, or 0. */
    public long cleanupAt;

    public InstanceState() {}
}
