package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.event.InstanceKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the reader treats a failed call, by its class ({@link ErrorClass}): fatal ones fail the job,
 * throttling and the daily cap pause every call, an unreadable instance is reported once and tried
 * again rarely while the others go on, transient ones are logged and retried next round. Also
 * notices a baseline DataWorks has no instance of at all, which is most likely a wrong id.
 */
final class CallFailures {

    private static final Logger LOG = LoggerFactory.getLogger(CallFailures.class);
    /** After this many rounds with no instance at all, the baseline id is probably wrong: say so once. */
    static final int NOT_FOUND_ROUNDS_BEFORE_WARNING = 3;

    private final PollCounters counters;
    private final ServiceClock clock;
    private final CallPacer pacer;
    private final long unreadableRetryNanos;
    /** Baselines whose every live instance was "not found", and for how many rounds in a row. */
    private final Map<Long, Integer> roundsNotFound = new HashMap<>();

    CallFailures(PollCounters counters, ServiceClock clock, CallPacer pacer, long unreadableRetryNanos) {
        this.counters = counters;
        this.clock = clock;
        this.pacer = pacer;
        this.unreadableRetryNanos = unreadableRetryNanos;
    }

    /**
     * @param watch the instance the call was about, or null (a listing, an event lookup)
     * @return the service's time if it answered, else {@code Long.MIN_VALUE}
     * @throws DataWorksException when the error makes the whole job pointless ({@link ErrorClass#FATAL})
     */
    long failed(InstanceWatch watch, DataWorksException e) throws DataWorksException {
        counters.failed(e.errorClass());
        if (e.errorClass() == ErrorClass.FATAL) {
            throw e;
        }
        if (e.serverTimeMillis() > 0) {
            // The service answered: its clock still tells which bizdates are live and moves time on.
            clock.observe(e.serverTimeMillis());
        }
        switch (e.errorClass()) {
            case THROTTLED -> pacer.throttled(e);
            case DAILY_CAP -> pacer.dailyCapSpent(e, clock.now());
            case PER_BASELINE -> {
                if (watch != null) {
                    if (!"NO_PERMISSION".equals(watch.lastFailure)) {
                        LOG.warn("Baseline instance {} cannot be read, the other baselines are still watched; "
                                + "grant the job's account access to it: {}", watch.key, e.getMessage());
                    }
                    watch.lastFailure = "NO_PERMISSION";
                    watch.refused = true;
                    watch.scheduleAt(System.nanoTime() + unreadableRetryNanos);
                }
            }
            case NOT_FOUND -> {
                if (watch != null) {
                    watch.answered(System.nanoTime(), e.serverTimeMillis());
                }
            }
            default -> {
                if (watch != null) {
                    watch.lastFailure = "API_ERROR";
                }
                LOG.warn("Poll of {} failed after {} attempt(s); it is retried next round: {}",
                        watch == null ? "a status listing or event lookup" : "baseline instance " + watch.key, pacer.maxAttempts(),
                        e.getMessage());
            }
        }
        return e.serverTimeMillis() > 0 ? e.serverTimeMillis() : Long.MIN_VALUE;
    }

    /** A baseline DataWorks has no instance of, for any live business date, is most likely a wrong id in the config. */
    void noticeMissing(long baselineId, List<InstanceKey> live, int notFound) {
        if (notFound < live.size()) {
            roundsNotFound.remove(baselineId);
            return;
        }
        int rounds = roundsNotFound.merge(baselineId, 1, Integer::sum);
        if (rounds == NOT_FOUND_ROUNDS_BEFORE_WARNING) {
            LOG.warn("DataWorks has no instance of baseline {} for business dates {} (Invalid.Wkbench.BaselineStatusNotExist, "
                    + "{} rounds in a row): check the baseline id in the job config", baselineId,
                    live.stream().map(k -> k.bizdate().toString()).distinct().toList(), rounds);
        }
    }
}
