package dev.baselinewatch.event;

/**
 * Whether the job can see a baseline instance. {@code blind} once it could not be polled for longer
 * than its urgency allows (throttled, quota spent, no permission, API down), and back to false at the
 * next answer: the alerting turns the first into a blind-spot alert and the second into its resolve.
 */
public class PollHealth {
    public boolean blind;
    /** Why it could not be polled: THROTTLED, DAILY_QUOTA_SPENT, BUDGET_SPENT, NO_PERMISSION, API_ERROR; null when seen again. */
    public String reason;
    /** DataWorks time of the last answer about this instance; null if it never answered. */
    public Long lastAnsweredAt;
    /** How long the instance's urgency allowed it to go unseen. */
    public long allowedMillis;

    public PollHealth() {}
}
