package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.Severity;

/** An alert of one instance and kind, as kept in keyed state; enough to tell an update from a repeat. */
public class OpenAlert {
    public AlertKind kind;
    public Severity severity;
    public int sequence;
    public long firstSeen;
    public long lastUpdated;
    /** 0 when no culprit is known. */
    public long culpritNodeInstanceId;
    /** Resolved, kept so that a reopen continues the sequence: (alertId, sequence) stays unique for consumers. */
    public boolean resolved;

    public OpenAlert() {}
}
