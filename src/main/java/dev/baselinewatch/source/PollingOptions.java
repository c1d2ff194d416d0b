package dev.baselinewatch.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the source polls and how it treats failed calls; from the {@code dataworks} section of the job
 * config.
 *
 * @param pollInterval time between poll rounds of a baseline
 * @param maxAttempts attempts per call for transient errors (internal errors, 5xx, timeouts), 1 = no retry
 * @param retryBackoff first wait before a retry or after a throttling answer without rate-limit headers
 * @param maxRetryBackoff cap of the doubling waits
 * @param dailyCapProbeInterval while the daily quota is spent, one call this often to notice that it was reset
 * @param budget the calls the whole job may make, per second and per day
 */
public record PollingOptions(
        Duration pollInterval, int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff, Duration dailyCapProbeInterval,
        CallBudget budget) implements Serializable {

    public PollingOptions {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= retryBackoff <= maxRetryBackoff, was " + retryBackoff + ", " + maxRetryBackoff);
        }
    }

    /** Defaults for tests and for config files that set only the interval. */
    public static PollingOptions every(Duration pollInterval) {
        return new PollingOptions(pollInterval, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15),
                CallBudget.UNLIMITED);
    }

    public PollingOptions withBudget(CallBudget newBudget) {
        return new PollingOptions(pollInterval, maxAttempts, retryBackoff, maxRetryBackoff, dailyCapProbeInterval, newBudget);
    }
}
