package dev.baselinewatch.source.reader;

/**
 * DataWorks time as the reader last saw it: the service's clock from its latest answer. Deadlines
 * are judged on this clock, so a simulator's accelerated day or a replay behaves like production.
 * It also estimates how fast that clock runs against the wall clock (1 in production), so waits
 * computed in DataWorks time (until the quota resets) are slept in the right wall time.
 */
final class ServiceClock {

    private long lastServerTime = Long.MIN_VALUE;
    private long firstServerTime;
    private long firstWallNanos;
    private long lastWallNanos;
    private long lastEstimate = Long.MIN_VALUE;

    void observe(long serverTime) {
        long wall = System.nanoTime();
        if (lastServerTime == Long.MIN_VALUE) {
            firstServerTime = serverTime;
            firstWallNanos = wall;
        }
        lastServerTime = Math.max(lastServerTime, serverTime);
        lastWallNanos = wall;
    }

    boolean known() {
        return lastServerTime != Long.MIN_VALUE;
    }

    /** Until the service has answered once, the local clock is the best guess of which bizdates are live. */
    long now() {
        return known() ? lastServerTime : System.currentTimeMillis();
    }

    /**
     * DataWorks time now, estimated from the last answer and the wall time since: what the reader
     * goes by when it cannot ask (paused, throttled, an instance unreadable), so deadlines still pass.
     */
    long estimatedNow() {
        if (!known()) {
            return System.currentTimeMillis();
        }
        // Never backwards: a fresh answer's whole-second Date may be earlier than what was estimated before it.
        lastEstimate = Math.max(lastEstimate, lastServerTime + (long) ((System.nanoTime() - lastWallNanos) / 1_000_000.0 * rate()));
        return lastEstimate;
    }

    /** DataWorks milliseconds per wall millisecond, from what was seen so far; 1 until a minute of it was seen. */
    double rate() {
        long wallMillis = (lastWallNanos - firstWallNanos) / 1_000_000;
        long serviceMillis = lastServerTime - firstServerTime;
        if (!known() || wallMillis < 1000 || serviceMillis < 60_000) {
            return 1.0;
        }
        return Math.max(1.0, (double) serviceMillis / wallMillis);
    }
}
