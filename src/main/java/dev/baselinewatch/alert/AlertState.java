package dev.baselinewatch.alert;

/** Where an alert is in its lifecycle. */
public enum AlertState {
    FIRING,
    RESOLVED
}
