package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.StatusInfo;

/**
 * When an instance's key path is worth its call ({@code GetBaselineKeyPath} costs one per instance):
 * for an instance in trouble when it is due or its status changed (the culprit may have moved), and
 * for one whose forecast is slipping (a node runs long, before DataWorks calls the baseline
 * dangerous) once a far interval, so node alerts come early. An instance whose key path was refused
 * waits for its next turn.
 */
final class KeyPathPolicy {

    /** A forecast that moved at least this much later between two polls is slipping. */
    static final long SLIP_WORTH_A_LOOK_MILLIS = 60_000;

    private final long farIntervalNanos;

    KeyPathPolicy(long farIntervalNanos) {
        this.farIntervalNanos = farIntervalNanos;
    }

    boolean wanted(StatusInfo status, InstanceWatch watch, long now, boolean due, boolean changed) {
        if (status.finished) {
            return false;
        }
        if (inTrouble(status, now)) {
            return due || changed && !watch.refused;
        }
        boolean slipping = watch.lastStatus != null && watch.lastStatus.endCast != null && status.endCast != null
                && status.endCast - watch.lastStatus.endCast >= SLIP_WORTH_A_LOOK_MILLIS;
        return slipping && !watch.refused
                && (watch.keyPathReadNanos == 0 || System.nanoTime() - watch.keyPathReadNanos >= farIntervalNanos);
    }

    /** DataWorks says the instance is not safe, or the clock does: its alert time passed, or its forecast is past it. */
    static boolean inTrouble(StatusInfo status, long now) {
        boolean alertTimePassed = status.expTime != null && now >= status.expTime;
        boolean forecastLate = status.endCast != null && status.expTime != null && status.endCast > status.expTime;
        return !"SAFE".equals(status.status) || alertTimePassed || forecastLate;
    }
}
