package dev.baselinewatch.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the source polls and how it treats failed calls; from the {@code dataworks} section of the job
 * config. Instances are polled by urgency: at risk, late or near their alert time every
 * {@code pollInterval}; far from it every {@code farPollInterval}; finished ones never.
 *
 * @param pollInterval how often an urgent instance is polled (and the fetcher's tick)
 * @param farPollInterval how often an instance whose alert time is more than {@code nearHorizon} away is polled
 * @param nearHorizon an unfinished instance this close to its alert time (DataWorks time) is urgent
 * @param blindSpotAfter an instance unseen this long (more for far ones) is reported as a blind spot
 * @param maxAttempts attempts per call for transient errors (internal errors, 5xx, timeouts), 1 = no retry
 * @param retryBackoff first wait before a retry or after a throttling answer without rate-limit headers
 * @param maxRetryBackoff cap of the doubling waits
 * @param dailyCapProbeInterval while the daily quota is spent, one call this often to notice that it was reset
 * @param budget the calls the whole job may make, per second and per day
 */
public record PollingOptions(
        Duration pollInterval,
        Duration farPollInterval,
        Duration nearHorizon,
        Duration blindSpotAfter,
        int maxAttempts,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        Duration dailyCapProbeInterval,
        CallBudget budget) implements Serializable {

    public PollingOptions {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
        }
        if (farPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("far poll interval must be at least the poll interval, was " + farPollInterval);
        }
        if (nearHorizon.isNegative() || blindSpotAfter.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("need nearHorizon >= 0 and blindSpotAfter >= pollInterval, was "
                    + nearHorizon + ", " + blindSpotAfter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= retryBackoff <= maxRetryBackoff, was " + retryBackoff + ", " + maxRetryBackoff);
        }
    }

    /** Urgency defaults around one interval: far instances 15 times rarer, blind spots after 5 missed polls. */
    public PollingOptions(Duration pollInterval, int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff,
            Duration dailyCapProbeInterval, CallBudget budget) {
        this(pollInterval, pollInterval.multipliedBy(15), Duration.ofHours(2), pollInterval.multipliedBy(5), maxAttempts,
                retryBackoff, maxRetryBackoff, dailyCapProbeInterval, budget);
    }

    /** Defaults for tests and for config files that set only the interval. */
    public static PollingOptions every(Duration pollInterval) {
        return new PollingOptions(pollInterval, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15),
                CallBudget.UNLIMITED);
    }

    public PollingOptions withBudget(CallBudget newBudget) {
        return new PollingOptions(pollInterval, farPollInterval, nearHorizon, blindSpotAfter, maxAttempts, retryBackoff,
                maxRetryBackoff, dailyCapProbeInterval, newBudget);
    }

    public PollingOptions withUrgency(Duration newFarPollInterval, Duration newNearHorizon, Duration newBlindSpotAfter) {
        return new PollingOptions(pollInterval, newFarPollInterval, newNearHorizon, newBlindSpotAfter, maxAttempts, retryBackoff,
                maxRetryBackoff, dailyCapProbeInterval, budget);
    }
}
