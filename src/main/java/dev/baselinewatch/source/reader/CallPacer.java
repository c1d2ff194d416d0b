package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this reader may call DataWorks next. Throttling pauses every call of the reader, for as long
 * as the rate-limit headers say or with doubling waits when they say nothing; a spent daily quota
 * pauses calls until it resets (probing now and then, since only the service knows when). Transient
 * failures get capped exponential backoff with jitter, so many readers do not retry in step.
 */
final class CallPacer {

    private static final Logger LOG = LoggerFactory.getLogger(CallPacer.class);

    private final PollingOptions options;
    private final ZoneId projectZone;
    private final BudgetMeter budget;
    private boolean budgetSpentToday;
    private long callsSpent;
    private long pausedUntilNanos = System.nanoTime();
    private int consecutiveThrottles;
    private boolean dailyCapSpent;

    CallPacer(PollingOptions options, ZoneId projectZone, CallBudget share) {
        this.options = options;
        this.projectZone = projectZone;
        this.budget = new BudgetMeter(share, projectZone);
    }

    /** When the next call may go: after any pause, and spaced for the per-second rate. */
    long nextCallAtNanos() {
        return Math.max(pausedUntilNanos, budget.nextCallAtNanos());
    }

    /** False, and calls paused until the project's day ends, once today's share of the daily budget is spent. */
    boolean budgetLeft(long serviceNowMillis, double serviceClockRate) {
        if (budget.leftToday(serviceNowMillis) > 0) {
            if (budgetSpentToday) {
                budgetSpentToday = false;
                LOG.warn("A new day: the DataWorks call budget is available again; polling resumes");
            }
            return true;
        }
        Instant reset = budget.dayEnds(serviceNowMillis);
        pauseFor((long) ((reset.toEpochMilli() - serviceNowMillis) / serviceClockRate) + 1);
        if (!budgetSpentToday) {
            budgetSpentToday = true;
            LOG.error("This reader's share of the daily DataWorks call budget ({} calls) is spent: no calls until {}. "
                    + "Raise budget.callsPerDay if the quota allows, or watch fewer baselines.", budget.perDay(),
                    reset.atZone(projectZone).toOffsetDateTime());
        }
        return false;
    }

    void spend(long serviceNowMillis) {
        budget.spend(serviceNowMillis);
        callsSpent++;
    }

    long callsSpent() {
        return callsSpent;
    }

    long leftToday(long serviceNowMillis) {
        return budget.leftToday(serviceNowMillis);
    }

    Instant dayEnds(long serviceNowMillis) {
        return budget.dayEnds(serviceNowMillis);
    }

    boolean budgetSpentToday() {
        return budgetSpentToday;
    }

    long pausedUntilNanos() {
        return pausedUntilNanos;
    }

    boolean dailyCapSpent() {
        return dailyCapSpent;
    }

    /** After a successful answer: forget throttling, and respect a "Remain:0" hint. */
    void answered(long retryAfterMillis) {
        consecutiveThrottles = 0;
        if (dailyCapSpent) {
            dailyCapSpent = false;
            LOG.warn("DataWorks answers again: the daily API quota was reset; polling resumes");
        }
        if (retryAfterMillis > 0) {
            pauseFor(retryAfterMillis);
        }
    }

    void throttled(DataWorksException e) {
        consecutiveThrottles++;
        long wait = e.retryAfterMillis() > 0 ? e.retryAfterMillis() : backoffMillis(consecutiveThrottles);
        pauseFor(wait);
        LOG.warn("DataWorks throttled the job ({}); every call of this reader waits {} ms", e.code(), wait);
    }

    void dailyCapSpent(DataWorksException e, long serviceNowMillis) {
        Instant reset = Instant.ofEpochMilli(serviceNowMillis).atZone(projectZone).toLocalDate().plusDays(1)
                .atStartOfDay(projectZone).toInstant();
        long untilReset = Math.max(0, reset.toEpochMilli() - serviceNowMillis);
        pauseFor(Math.min(untilReset, options.dailyCapProbeInterval().toMillis()));
        if (!dailyCapSpent) {
            dailyCapSpent = true;
            LOG.error("DataWorks daily API quota is spent ({}, RequestId {}): calls stop until it resets at {} "
                    + "(checked every {}). Alerts raised from what was already seen still fire; raise the quota "
                    + "(edition) or lower dataworks.pollInterval / the number of baselines.",
                    e.code(), e.requestId(), reset.atZone(projectZone).toOffsetDateTime(), options.dailyCapProbeInterval());
        }
    }

    /** Capped exponential backoff with "equal jitter": half fixed, half random. */
    long backoffMillis(int attempt) {
        long base = options.retryBackoff().toMillis();
        long cap = options.maxRetryBackoff().toMillis();
        long exponential = attempt >= 31 ? cap : Math.min(cap, base << Math.max(0, attempt - 1));
        long half = exponential / 2;
        return half + ThreadLocalRandom.current().nextLong(exponential - half + 1);
    }

    int maxAttempts() {
        return options.maxAttempts();
    }

    private void pauseFor(long millis) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + millis * 1_000_000);
    }
}
