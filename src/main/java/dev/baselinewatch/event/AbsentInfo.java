package dev.baselinewatch.event;

/**
 * DataWorks answered that a watched instance does not exist, with the times it was expected by
 * (from the baseline's configured committed time and margin; null when unknown). Past the committed
 * time with still no instance, the alerting raises "no data".
 */
public class AbsentInfo {
    public Long expectedCommittedAt;
    public Long expectedAlertAt;

    public AbsentInfo() {}
}
