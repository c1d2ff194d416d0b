package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.Severity;

/**
 * An alert of one instance and kind, as kept in keyed state. It holds two things: whether the alert
 * fires now ({@code resolved} false) and what consumers were last told (severity, culprit, projected
 * finish, sequence), so that an update is published only when what they know changed.
 */
public class OpenAlert {
    public AlertKind kind;
    public Severity severity;
    /** The sequence of the last published record; the next one is this plus one, also after a reopen. */
    public int sequence;
    public long firstSeen;
    public long lastUpdated;
    /** 0 when no culprit is known. */
    public long culpritNodeInstanceId;
    /** Not firing now. Resolved alerts are kept so that a reopen continues the sequence: (alertId, sequence) stays unique. */
    public boolean resolved;

    /** The projected finish last published, or null. */
    public Long projectedFinish;
    /** Reminders published in this episode. */
    public int repeats;
    /** When the next reminder is due, or 0. */
    public long nextRepeatAt;
    /** Why it fires, as last judged: the reminders repeat it. */
    public String reason;
    /** Fires, but a silence kept its opening from consumers: published when the silence ends. */
    public boolean silenced;

    public OpenAlert() {}

    /** Consumers were told it fires, and it has not been resolved since. */
    boolean publishedFiring() {
        return !resolved && !silenced && sequence > 0;
    }
}
