package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.StatusInfo;

/**
 * The fetcher's schedule for one live instance: when it is due, when DataWorks last said anything
 * about it, and why the last try failed. Not checkpointed: after a restore every instance is due at
 * once and its urgency is learnt again from the first answer.
 */
final class InstanceWatch {

    final InstanceKey key;
    StatusInfo lastStatus;
    Urgency urgency = Urgency.UNSEEN;
    /** {@link System#nanoTime()} when it is due. */
    private long nextPollAtNanos;
    /** New to the watch: due at once, whatever the clock said when the round began. */
    private boolean neverScheduled = true;
    /** {@link System#nanoTime()} of the last answer about it; when watching began, before any. */
    long lastAnsweredNanos;
    /** DataWorks time of the last answer about it, or null. */
    Long lastAnsweredAt;
    /** Why the last try failed (NO_PERMISSION, API_ERROR...), null after an answer. */
    String lastFailure;
    /** DataWorks refused to show this instance (no permission) and has not shown it since. */
    boolean refused;
    /** {@link System#nanoTime()} of the last key path read, 0 before the first. */
    long keyPathReadNanos;

    InstanceWatch(InstanceKey key, long nowNanos) {
        this.key = key;
        this.lastAnsweredNanos = nowNanos;
    }

    boolean due(long nowNanos) {
        return urgency != Urgency.FINISHED && (neverScheduled || nextPollAtNanos - nowNanos <= 0);
    }

    boolean dueLaterThan(long nanos) {
        return nextPollAtNanos - nanos > 0;
    }

    void scheduleAt(long nanos) {
        nextPollAtNanos = nanos;
        neverScheduled = false;
    }

    void answered(long nowNanos, long serviceTime) {
        lastAnsweredNanos = nowNanos;
        lastAnsweredAt = lastAnsweredAt == null ? serviceTime : Math.max(lastAnsweredAt, serviceTime);
        lastFailure = null;
    }
}
