package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.coordination.CallsPaused;
import dev.baselinewatch.source.coordination.LeaseGrant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.api.connector.source.SourceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this reader may call DataWorks next. Calls are spaced for the reader's share of the rate and
 * spend calls leased from the job's one daily budget ({@link DailyLease}). Throttling pauses every
 * call, for as long as the rate-limit headers say or with doubling waits when they say nothing, and
 * is passed on to the other readers through the enumerator, so they all slow down together; a spent
 * daily quota pauses calls until it resets (probing now and then, since only the service knows when).
 * Transient failures get capped exponential backoff with jitter, so readers do not retry in step.
 */
final class CallPacer {

    private static final Logger LOG = LoggerFactory.getLogger(CallPacer.class);

    private final PollingOptions options;
    private final ZoneId projectZone;
    private final RateSpacing rate;
    private final DailyLease lease;
    private final CoordinatorLink link;
    private boolean budgetSpentToday;
    private long callsSpent;
    private long pausedUntilNanos = System.nanoTime();
    private String pauseReason;
    private int consecutiveThrottles;
    private boolean dailyCapSpent;

    CallPacer(PollingOptions options, ZoneId projectZone, int readers, CoordinatorLink link) {
        this.options = options;
        this.projectZone = projectZone;
        this.rate = new RateSpacing(options.budget().callsPerSecond() / readers);
        this.lease = new DailyLease(options.budget(), readers);
        this.link = link;
    }

    /** When the next call may go: after any pause, and spaced for the per-second rate. */
    long nextCallAtNanos() {
        return Math.max(pausedUntilNanos, rate.nextCallAtNanos());
    }

    /**
     * Takes one call of today's budget. False, with calls paused, when there is none: until midnight
     * in the project's zone once the day's budget is spent, or briefly while a lease is on its way.
     */
    boolean budgetLeft(long serviceNowMillis, double serviceClockRate) {
        long day = epochDay(serviceNowMillis);
        boolean took = lease.take(day, link);
        if (!took && lease.waiting()) {
            // The answer may be here already (an enumerator answers in milliseconds; a standalone link at once).
            applyBudgetEvents();
            took = lease.take(day, link);
        }
        if (took) {
            if (budgetSpentToday) {
                budgetSpentToday = false;
                LOG.warn("A new day: the DataWorks call budget is available again; polling resumes");
            }
            return true;
        }
        if (!lease.spentToday(day)) {
            // The enumerator answers within milliseconds and wakes the fetcher; this pause only bounds a lost answer.
            pauseFor(options.pollInterval().toMillis(), null);
            return false;
        }
        Instant reset = dayEnds(serviceNowMillis);
        pauseFor((long) ((reset.toEpochMilli() - serviceNowMillis) / serviceClockRate) + 1, "BUDGET_SPENT");
        if (!budgetSpentToday) {
            budgetSpentToday = true;
            LOG.error("The job's daily DataWorks call budget (budget.callsPerDay = {}) is spent: no calls until {}. "
                    + "Raise budget.callsPerDay if the quota allows, or watch fewer baselines.", options.budget().callsPerDay(),
                    reset.atZone(projectZone).toOffsetDateTime());
        }
        return false;
    }

    /** Leases granted and pauses announced by the enumerator since the last look. */
    void applyBudgetEvents() {
        for (SourceEvent event : link.drainBudgetEvents()) {
            if (event instanceof LeaseGrant grant) {
                granted(grant);
            } else if (event instanceof CallsPaused paused) {
                pausedElsewhere(paused);
            }
        }
    }

    /** How many calls the last round took, so leases are asked for in sizes that last a round or two. */
    void roundSpent(long calls) {
        lease.roundSpent(calls);
    }

    void granted(LeaseGrant grant) {
        lease.granted(grant);
        if (grant.calls() > 0 && pauseReason == null) {
            pausedUntilNanos = Math.min(pausedUntilNanos, System.nanoTime());
        }
    }

    void spend() {
        rate.spend();
        callsSpent++;
    }

    void callEnded() {
        rate.callEnded();
    }

    long callsSpent() {
        return callsSpent;
    }

    /** What the whole job has left today, as of the last lease; {@link Long#MAX_VALUE} without a daily cap. */
    long leftToday() {
        return lease.leftForJob();
    }

    boolean capped() {
        return lease.capped();
    }

    long epochDay(long serviceNowMillis) {
        return Instant.ofEpochMilli(serviceNowMillis).atZone(projectZone).toLocalDate().toEpochDay();
    }

    Instant dayEnds(long serviceNowMillis) {
        return Instant.ofEpochMilli(serviceNowMillis).atZone(projectZone).toLocalDate().plusDays(1).atStartOfDay(projectZone).toInstant();
    }

    boolean budgetSpentToday() {
        return budgetSpentToday;
    }

    boolean dailyCapSpent() {
        return dailyCapSpent;
    }

    /** Why calls are paused now (THROTTLED, DAILY_QUOTA_SPENT, BUDGET_SPENT), or null when they are not. */
    String pauseReason() {
        return pausedUntilNanos - System.nanoTime() > 0 ? pauseReason : null;
    }

    /** After a successful answer: forget throttling, and respect a "Remain:0" hint. */
    void answered(long retryAfterMillis) {
        consecutiveThrottles = 0;
        if (dailyCapSpent) {
            dailyCapSpent = false;
            LOG.warn("DataWorks answers again: the daily API quota was reset; polling resumes");
        }
        if (retryAfterMillis > 0) {
            pauseFor(retryAfterMillis, "THROTTLED");
        }
    }

    void throttled(DataWorksException e) {
        consecutiveThrottles++;
        long wait = e.retryAfterMillis() > 0 ? e.retryAfterMillis() : backoffMillis(consecutiveThrottles);
        pauseFor(wait, "THROTTLED");
        link.send(new CallsPaused(System.currentTimeMillis() + wait, "THROTTLED"));
        LOG.warn("DataWorks throttled the job ({}); every reader's calls wait {} ms", e.code(), wait);
    }

    void dailyCapSpent(DataWorksException e, long serviceNowMillis) {
        Instant reset = dayEnds(serviceNowMillis);
        long untilReset = Math.max(0, reset.toEpochMilli() - serviceNowMillis);
        long wait = Math.min(untilReset, options.dailyCapProbeInterval().toMillis());
        pauseFor(wait, "DAILY_QUOTA_SPENT");
        link.send(new CallsPaused(System.currentTimeMillis() + wait, "DAILY_QUOTA_SPENT"));
        if (!dailyCapSpent) {
            dailyCapSpent = true;
            LOG.error("DataWorks daily API quota is spent ({}, RequestId {}): calls stop until it resets at {} "
                    + "(checked every {}). Alerts raised from what was already seen still fire; raise the quota "
                    + "(edition) or lower dataworks.pollInterval / the number of baselines.",
                    e.code(), e.requestId(), reset.atZone(projectZone).toOffsetDateTime(), options.dailyCapProbeInterval());
        }
    }

    /** Another reader was throttled (or found the quota spent): this one waits as long. */
    void pausedElsewhere(CallsPaused paused) {
        long wait = paused.untilEpochMillis() - System.currentTimeMillis();
        if (wait > 0) {
            pauseFor(wait, paused.reason());
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

    private void pauseFor(long millis, String reason) {
        long until = System.nanoTime() + millis * 1_000_000;
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
            pauseReason = reason;
        }
    }
}
