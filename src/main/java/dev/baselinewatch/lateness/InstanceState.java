package dev.baselinewatch.lateness;

import dev.baselinewatch.event.AbsentInfo;
import dev.baselinewatch.event.BaselineInfo;
import dev.baselinewatch.event.PollHealth;
import dev.baselinewatch.event.StatusInfo;

/**
 * What the lateness function keeps for one baseline instance besides its key path, alerts and
 * events. A Flink POJO: fields are only ever added (schema evolution), arrays instead of collections.
 */
public class InstanceState {
    public StatusInfo status;
    public String lastRequestId;
    /** The latest DataWorks time this instance was judged at: judgement never goes back in time. */
    public long judgedAt;
    /** The cleanup timer already registered, or 0. */
    public long cleanupAt;

    /** DataWorks time of the status kept: an older answer (a retried call) never replaces a newer one. */
    public long statusObservedAt;
    /** What the configuration says of the baseline, from POLL_HEALTH and ABSENT events. */
    public BaselineInfo baselineInfo;
    public PollHealth health;
    public AbsentInfo absent;
    /** DataWorks time of the first event about this instance: the basis of expiry when no committed time is known. */
    public long firstSeenAt;
    /** When an instance that never finishes is given up, or 0. */
    public long expireAt;
    /** Since when BASELINE_AT_RISK or BASELINE_LATE fires (0: not now), and the time at risk before that. */
    public long atRiskSince;
    public long atRiskMillis;
    /** Which lateness windows already got this instance's outcome ({@link InstanceOutcome#DAY}, {@link InstanceOutcome#HOUR}). */
    public int outcomesEmitted;
    /** Every event-time timer registered and not yet fired, ascending; deleted on cleanup so none outlives the state. */
    public long[] timers;

    public InstanceState() {}
}
