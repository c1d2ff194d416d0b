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
    long nextPollAtNanos;
    /** {@link System#nanoTime()} of the last answer about it; when watching began, before any. */
    long lastAnsweredNanos;
    /** DataWorks time of the last answer about it, or null. */
    Long lastAnsweredAt;
    /** Why the last try failed (NO_PERMISSION, API_ERROR...), null after an answer. */
    String lastFailure;

    InstanceWatch(InstanceKey key, long nowNanos) {
        this.key = key;
        this.nextPollAtNanos = nowNanos;
        this.lastAnsweredNanos = nowNanos;
    }

    boolean due(long nowNanos) {
        return urgency != Urgency.FINISHED && nextPollAtNanos - nowNanos <= 0;
    }

    void answered(long nowNanos, long serviceTime) {
        lastAnsweredNanos = nowNanos;
        lastAnsweredAt = lastAnsweredAt == null ? serviceTime : Math.max(lastAnsweredAt, serviceTime);
        lastFailure = null;
    }
}
