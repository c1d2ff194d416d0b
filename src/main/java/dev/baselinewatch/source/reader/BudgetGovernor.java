package dev.baselinewatch.source.reader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether the day's call budget lasts at the pace the readers spend it and, when it would
 * not, raises the degradation level that {@link PollSchedule} applies (low priority baselines slowed
 * first; the top level also stretches the rounds), lowering it again step by step when the pace fits
 * with room to spare. Says so in the log at every change.
 */
final class BudgetGovernor {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetGovernor.class);
    static final int MAX_LEVEL = 3;
    /** Rounds between two changes of level, so the pace can show the effect of the last one. */
    private static final int SETTLE_ROUNDS = 5;
    /** Weight of the newest round in the pace average. */
    private static final double SMOOTHING = 0.2;

    private final int readers;
    private int level;
    private int roundsSinceChange;
    private double callsPerWallSecond = -1;

    BudgetGovernor(int readers) {
        this.readers = readers;
    }

    int level() {
        return level;
    }

    /**
     * @param calls calls this reader made in the round
     * @param wallNanos wall time the round covered (since the previous one)
     * @param leftForJob calls the whole job has left today ({@link Long#MAX_VALUE} without a cap)
     * @param wallNanosLeftToday wall time until the project's day ends on the service's clock
     */
    void roundEnded(long calls, long wallNanos, long leftForJob, long wallNanosLeftToday) {
        if (leftForJob == Long.MAX_VALUE || wallNanos <= 0) {
            level = 0;
            return;
        }
        double pace = calls / (wallNanos / 1e9);
        callsPerWallSecond = callsPerWallSecond < 0 ? pace : SMOOTHING * pace + (1 - SMOOTHING) * callsPerWallSecond;
        roundsSinceChange++;
        double needed = callsPerWallSecond * readers * (wallNanosLeftToday / 1e9);
        double pressure = leftForJob == 0 ? Double.MAX_VALUE : needed / leftForJob;
        // Up at once, as far as the shortfall calls for; down one step at a time, once the pace has settled.
        int wanted = pressure <= 1 ? 0 : pressure <= 2 ? 1 : pressure <= 8 ? 2 : MAX_LEVEL;
        if (wanted > level) {
            change(wanted, needed, leftForJob);
        } else if (pressure < 0.5 && level > 0 && roundsSinceChange >= SETTLE_ROUNDS) {
            change(level - 1, needed, leftForJob);
        }
    }

    private void change(int newLevel, double needed, long left) {
        String what = switch (newLevel) {
            case 0 -> "every baseline is polled at its normal pace again";
            case 1 -> "priority 1-3 baselines not in trouble are polled 4x less often";
            case 2 -> "priority 1-3 baselines are polled 16x less often (2x when in trouble), priority 4-6 4x when not in trouble";
            default -> "every baseline not in trouble is polled less often, priority 7-8 too (4x)";
        };
        if (newLevel > level) {
            LOG.warn("At the current pace the readers would need about {} more DataWorks calls today but {} are left: "
                    + "degradation level {}: {}", Math.round(needed), left, newLevel, what);
        } else {
            LOG.info("The DataWorks call budget lasts the day again ({} left, about {} needed): degradation level {}: {}",
                    left, Math.round(needed), newLevel, what);
        }
        level = newLevel;
        roundsSinceChange = 0;
    }
}
