package dev.baselinewatch.alert;

/** What an alert is about. The name is part of the alert id, so it never changes once released. */
public enum AlertKind {
    /** The projected finish is after the committed time or within the alert margin, or the alert time passed unfinished. */
    BASELINE_AT_RISK,
    /** The committed time passed and the instance has not finished. */
    BASELINE_LATE,
    /** A key-path node failed; over when it succeeds (after a rerun) or the instance finishes. */
    NODE_FAILED,
    /** A key-path node has been running well beyond its history. */
    NODE_SLOW,
    /** A key-path node has been waiting for compute resources too long. */
    WAITING_FOR_RESOURCES,
    /** DataWorks opened an event (ERROR or SLOW topic) on a key-path node. */
    EVENT_OPENED,
    /** The job could not poll the instance for longer than its urgency allows. */
    BLIND_SPOT,
    /** The committed time passed and DataWorks still shows no such instance. */
    NO_DATA
}
