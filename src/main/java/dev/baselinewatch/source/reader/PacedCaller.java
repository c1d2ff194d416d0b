package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.ApiCall;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.ErrorClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one DataWorks call the way every call is made: within the budget, after any pause, with
 * transient failures retried after a capped, jittered backoff, and counted. Waits are wakeable.
 */
final class PacedCaller {

    private static final Logger LOG = LoggerFactory.getLogger(PacedCaller.class);

    private final ServiceClock clock;
    private final PollCounters counters;
    private final CallPacer pacer;
    private final FetcherSleeper sleeper;

    PacedCaller(ServiceClock clock, PollCounters counters, CallPacer pacer, FetcherSleeper sleeper) {
        this.clock = clock;
        this.counters = counters;
        this.pacer = pacer;
        this.sleeper = sleeper;
    }

    <T> ApiAnswer<T> call(String action, ApiCall<T> call) throws DataWorksException, Stopped {
        for (int attempt = 1; ; attempt++) {
            if (!pacer.budgetLeft(clock.now(), clock.rate()) || !sleeper.sleepUntil(pacer.nextCallAtNanos())) {
                throw new Stopped();
            }
            pacer.spend();
            try {
                ApiAnswer<T> answer;
                try {
                    answer = call.invoke();
                } finally {
                    pacer.callEnded();
                }
                counters.succeeded(action);
                clock.observe(answer.serverTimeMillis());
                pacer.answered(answer.retryAfterMillis());
                return answer;
            } catch (DataWorksException e) {
                if (DataWorksHttpClient.MALFORMED.equals(e.code())) {
                    counters.malformed(action);
                    LOG.warn("{} answered something that could not be parsed (HTTP {}, RequestId {}): {}",
                            action, e.httpStatus(), e.requestId(), e.getMessage());
                }
                if (e.errorClass() != ErrorClass.TRANSIENT || attempt >= pacer.maxAttempts()) {
                    throw e;
                }
                counters.retried(action);
                if (!sleeper.sleepUntil(System.nanoTime() + pacer.backoffMillis(attempt) * 1_000_000)) {
                    throw new Stopped();
                }
            }
        }
    }


    /** The fetcher was woken up or the budget is spent: it has other work (new splits, shutdown) or must wait. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
