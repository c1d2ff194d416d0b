package dev.baselinewatch.source;

import java.io.Serializable;

/**
 * The job's DataWorks call budget: a rate per second and a quota per day (the project's day), for
 * the whole job. Quotas are per account and region and small on lower editions, so this is what
 * decides how often the job can look. Each reader spends an equal share.
 *
 * @param callsPerSecond at most this many calls per second, all readers together
 * @param callsPerDay at most this many calls per day, all readers together; 0 for no daily cap
 */
public record CallBudget(double callsPerSecond, long callsPerDay) implements Serializable {

    public static final CallBudget UNLIMITED = new CallBudget(1000, 0);

    public CallBudget {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("callsPerSecond must be positive, was " + callsPerSecond);
        }
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callsPerDay must be 0 (no cap) or positive, was " + callsPerDay);
        }
    }

    /** One reader's share when {@code readers} readers split the budget. */
    public CallBudget share(int readers) {
        return new CallBudget(callsPerSecond / readers, callsPerDay == 0 ? 0 : Math.max(1, callsPerDay / readers));
    }
}
