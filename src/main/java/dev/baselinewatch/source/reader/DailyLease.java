package dev.baselinewatch.source.reader;

import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.coordination.LeaseGrant;
import dev.baselinewatch.source.coordination.LeaseRequest;

/**
 * This reader's calls of the day's budget, leased from the enumerator in small chunks so that the
 * daily quota is one budget for all readers, never a fixed share each. Asks for the next chunk
 * before the current one runs out; after a grant of nothing, the day's budget is spent. Used on the
 * fetcher thread only.
 */
final class DailyLease {

    static final int MIN_CHUNK = 4;

    private final boolean capped;
    private final int chunk;
    private long epochDay = Long.MIN_VALUE;
    private int calls;
    private boolean waiting;
    private boolean spent;
    private long leftForJob = Long.MAX_VALUE;
    /** Calls the last round took: a lease should cover about two rounds, so the next one arrives before it runs dry. */
    private long roundDemand;

    DailyLease(CallBudget budget, int readers) {
        this.capped = budget.callsPerDay() > 0;
        // About an hour of an even share per chunk, at most a minute of calls at the rate, at least a few calls so a
        // round is rarely cut short: little is stranded at midnight.
        long hourShare = budget.callsPerDay() / Math.max(1, readers) / 24;
        this.chunk = (int) Math.max(MIN_CHUNK, Math.min(hourShare, Math.max(1, (long) (budget.callsPerSecond() * 60))));
    }

    /** Takes one call of {@code day}'s budget if this reader holds one; may queue a request for more on {@code link}. */
    boolean take(long day, CoordinatorLink link) {
        if (!capped) {
            return true;
        }
        if (day > epochDay) {
            epochDay = day;
            calls = 0;
            spent = false;
            waiting = false;
        }
        if (calls > 0) {
            calls--;
            if (calls < Math.max((chunk + 1) / 2, roundDemand)) {
                askForMore(link);
            }
            return true;
        }
        askForMore(link);
        return false;
    }

    private void askForMore(CoordinatorLink link) {
        if (!waiting && !spent) {
            waiting = true;
            link.send(new LeaseRequest(epochDay, (int) Math.max(chunk, Math.min(2 * roundDemand, 1000))));
        }
    }

    void roundSpent(long calls) {
        roundDemand = calls;
    }

    void granted(LeaseGrant grant) {
        if (grant.epochDay() < epochDay) {
            return;
        }
        if (grant.epochDay() > epochDay) {
            epochDay = grant.epochDay();
            calls = 0;
        }
        waiting = false;
        calls += grant.calls();
        leftForJob = grant.leftToday();
        spent = grant.calls() == 0;
    }

    boolean capped() {
        return capped;
    }

    /** The enumerator granted nothing more today. */
    boolean spentToday(long day) {
        return capped && spent && day <= epochDay;
    }

    /** Waiting for a grant: a call may go as soon as it comes. */
    boolean waiting() {
        return waiting;
    }

    int held() {
        return capped ? calls : Integer.MAX_VALUE;
    }

    /** What the whole job had left today at the last grant. */
    long leftForJob() {
        return capped ? leftForJob : Long.MAX_VALUE;
    }
}
