package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.Severity;

/** An alert that is firing, as kept in keyed state; enough to tell an update from a repeat. */
public class OpenAlert {
    public AlertKind kind;
    public Severity severity;
    public int sequence;
    public long firstSeen;
    public long lastUpdated;
    /** 0 when no culprit is known. */
    public long culpritNodeInstanceId;

    public OpenAlert() {}
}
