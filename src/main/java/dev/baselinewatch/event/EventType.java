package dev.baselinewatch.event;

/** What a {@link BaselineEvent} carries. */
public enum EventType {
    /** The baseline instance's status changed (status, forecast, finish). */
    STATUS,
    /** A key-path node's run changed (started, waiting, failed, finished, rerun). */
    RUN,
    /** DataWorks opened an event (topic) on a key-path node. */
    TOPIC,
    /** The job lost sight of the instance (blind spot) or sees it again. */
    POLL_HEALTH,
    /** DataWorks has no such instance (yet). */
    ABSENT
}
