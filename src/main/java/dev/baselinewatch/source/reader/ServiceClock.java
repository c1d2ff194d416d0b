package dev.baselinewatch.source.reader;

/**
 * DataWorks time as the reader last saw it: the service's clock from its latest answer. Deadlines
 * are judged on this clock, so a simulator's accelerated day or a replay behaves like production.
 */
final class ServiceClock {

    private long lastServerTime = Long.MIN_VALUE;

    void observe(long serverTime) {
        lastServerTime = Math.max(lastServerTime, serverTime);
    }

    boolean known() {
        return lastServerTime != Long.MIN_VALUE;
    }

    /** Until the service has answered once, the local clock is the best guess of which bizdates are live. */
    long now() {
        return known() ? lastServerTime : System.currentTimeMillis();
    }
}
