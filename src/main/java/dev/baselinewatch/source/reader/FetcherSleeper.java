package dev.baselinewatch.source.reader;

/**
 * Waits on the fetcher thread (never the task thread) in a way {@link #wakeUp()} cuts short, so the
 * fetcher can be given new splits, paused or shut down in the middle of a poll interval or backoff.
 */
final class FetcherSleeper {

    private final Object monitor = new Object();
    private boolean wokenUp;

    /** Waits until {@code deadlineNanos} ({@link System#nanoTime()}); false when woken up or interrupted first. */
    boolean sleepUntil(long deadlineNanos) {
        synchronized (monitor) {
            long waitNanos;
            while (!wokenUp && (waitNanos = deadlineNanos - System.nanoTime()) > 0) {
                try {
                    monitor.wait(Math.max(1, waitNanos / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            boolean early = wokenUp;
            wokenUp = false;
            return !early;
        }
    }

    void wakeUp() {
        synchronized (monitor) {
            wokenUp = true;
            monitor.notifyAll();
        }
    }
}
