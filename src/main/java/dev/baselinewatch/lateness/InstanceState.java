package dev.baselinewatch.lateness;

import dev.baselinewatch.event.StatusInfo;

/** What the lateness function keeps for one baseline instance: the latest status. A Flink POJO. */
public class InstanceState {
    public StatusInfo status;
    public String lastRequestId;
    /** The latest DataWorks time this instance was judged at: judgement never goes back in time. */
    public long judgedAt;
    /** The cleanup timer already registered, or 0. */
    public long cleanupAt;

    public InstanceState() {}
}
