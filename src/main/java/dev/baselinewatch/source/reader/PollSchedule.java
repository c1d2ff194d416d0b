package dev.baselinewatch.source.reader;

import dev.baselinewatch.source.PollingOptions;

/**
 * How long an instance waits for its next poll, by urgency and by its baseline's priority under the
 * budget's degradation level ({@link BudgetGovernor}): when the day's budget would not last, low
 * priority baselines are polled less first, high priority ones last, and instances already in
 * trouble least of all. Also how long an instance may go unseen before it is a blind spot.
 */
final class PollSchedule {

    private final long pollNanos;
    private final long farNanos;
    private final long blindSpotNanos;

    PollSchedule(PollingOptions options) {
        this.pollNanos = options.pollInterval().toNanos();
        this.farNanos = options.farPollInterval().toNanos();
        this.blindSpotNanos = options.blindSpotAfter().toNanos();
    }

    long intervalNanos(Urgency urgency, int priority, int degradation) {
        long base = switch (urgency) {
            case FAR, ABSENT -> farNanos;
            case FINISHED -> Long.MAX_VALUE / 4;
            default -> pollNanos;
        };
        return base * slowdown(urgency, priority, degradation);
    }

    /** Allowed time unseen: the configured minimum, or two missed polls of a rarely polled instance. */
    long blindSpotNanos(Urgency urgency, int priority, int degradation) {
        return Math.max(blindSpotNanos, 2 * intervalNanos(urgency, priority, degradation) + pollNanos);
    }

    /**
     * Degradation levels: 1 slows priority 1..3 baselines that are not in trouble by 4; 2 slows them by
     * 16 (in trouble by 2) and priority 4..6 by 4; 3 also slows priority 7..8 by 4 when not in trouble.
     */
    static int slowdown(Urgency urgency, int priority, int level) {
        int tier = priority <= 3 ? 0 : priority <= 6 ? 1 : 2;
        boolean urgent = urgency.urgent();
        return switch (level) {
            case 0 -> 1;
            case 1 -> tier == 0 && !urgent ? 4 : 1;
            case 2 -> tier == 0 ? (urgent ? 2 : 16) : tier == 1 && !urgent ? 4 : 1;
            default -> tier == 0 ? (urgent ? 4 : 16) : tier == 1 ? (urgent ? 2 : 16) : urgent ? 1 : 4;
        };
    }
}
