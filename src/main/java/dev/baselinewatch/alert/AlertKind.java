package dev.baselinewatch.alert;

/** What an alert is about. The name is part of the alert id, so it never changes once released. */
public enum AlertKind {
    /** The projected finish is after the committed time, or the alert time passed unfinished. */
    BASELINE_AT_RISK,
    /** The committed time passed and the instance has not finished. */
    BASELINE_LATE
}
