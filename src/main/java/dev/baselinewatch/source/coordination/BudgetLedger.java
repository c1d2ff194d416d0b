package dev.baselinewatch.source.coordination;

/**
 * The job's one daily DataWorks budget. Readers lease calls in small chunks and the enumerator's
 * own calls (discovery) are counted here too, so all readers together never exceed the day's quota,
 * whatever their number. Checkpointed with the enumerator: a restart or rescale does not hand out
 * the day's quota a second time (leases a reader held when it failed count as spent).
 */
public final class BudgetLedger {

    private final long perDay;
    private long epochDay;
    private long granted;

    /** @param perDay calls a day for the whole job; 0 for no daily cap (nothing to keep) */
    public BudgetLedger(long perDay, long epochDay, long granted) {
        this.perDay = perDay;
        this.epochDay = epochDay;
        this.granted = granted;
    }

    public LeaseGrant grant(LeaseRequest request) {
        roll(request.epochDay());
        if (request.epochDay() < epochDay) {
            // A reader still on yesterday (its clock lags): nothing of a day that is over.
            return new LeaseGrant(request.epochDay(), 0, 0);
        }
        long left = leftToday();
        int calls = (int) Math.min(request.calls(), left);
        granted += calls;
        return new LeaseGrant(epochDay, calls, left - calls);
    }

    /**
     * Calls the enumerator made itself, on the day the readers last named (the enumerator has no
     * service clock of its own), or on the first day they name.
     */
    public void spend(int calls) {
        granted += calls;
    }

    public long leftToday() {
        return perDay == 0 ? Long.MAX_VALUE : Math.max(0, perDay - granted);
    }

    public long epochDay() {
        return epochDay;
    }

    public long granted() {
        return granted;
    }

    private void roll(long day) {
        if (day > epochDay) {
            // Calls made before any reader named a day (the enumerator's first discovery) count on the first one named.
            granted = epochDay == 0 ? granted : 0;
            epochDay = day;
        }
    }
}
