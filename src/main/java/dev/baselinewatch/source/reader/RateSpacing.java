package dev.baselinewatch.source.reader;

import java.util.function.LongSupplier;

/**
 * Spaces one reader's calls evenly for its share of the per-second rate, counted from the previous
 * answer: no bursts, so no second ever sees more than the rate, and idle time does not pile up into one.
 */
final class RateSpacing {

    static final double SPACING_MARGIN = 1.05;
    private final double permitsPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    RateSpacing(double callsPerSecond) {
        this(callsPerSecond, System::nanoTime);
    }

    RateSpacing(double callsPerSecond, LongSupplier nanoClock) {
        // 5% wider than the rate: a few ms of network jitter must never pack one call too many into a second.
        this.permitsPerNano = callsPerSecond / 1e9 / SPACING_MARGIN;
        this.nanoClock = nanoClock;
        this.tokens = 1.0;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** When ({@link System#nanoTime()}) the next call fits the rate. */
    long nextCallAtNanos() {
        refill();
        if (tokens >= 1.0) {
            return refilledAt;
        }
        return refilledAt + (long) Math.ceil((1.0 - tokens) / permitsPerNano);
    }

    void spend() {
        refill();
        tokens -= 1.0;
    }

    /**
     * The call's answer came. The service counts calls when they arrive, which may be well after they
     * were sent (a first connection, a slow network): spacing the next one from this answer keeps two
     * arrivals apart by the spacing even then.
     */
    void callEnded() {
        refill();
        tokens = Math.min(tokens, 0.0);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(1.0, tokens + (now - refilledAt) * permitsPerNano);
        refilledAt = now;
    }
}
