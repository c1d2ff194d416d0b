package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.BaselineRef;
import dev.baselinewatch.alert.CulpritRef;
import dev.baselinewatch.alert.Severity;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The lifecycle of one alert (one instance, one kind): open → update → repeat → resolve, and what a
 * silence holds back. Given what fires now ({@link Finding}, or null) and what consumers were last
 * told ({@link OpenAlert}), it publishes at most one record per step and returns the new state.
 *
 * <p>A silence holds back openings, updates and reminders, never a resolve of an alert consumers saw
 * firing; an alert that fires when its silence ends is published then. An alert that opened and
 * resolved inside a silence is never published at all.
 */
final class AlertLifecycle implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The instance as judged at one moment: what a step reads besides the alert itself. */
    record Judged(InstanceKey key, InstanceState state, Projection projection, BaselineRef baseline, Map<Long, RunInfo> nodes,
            long now) {}

    private final AlertPolicy policy;
    private final AlertFactory alerts;

    AlertLifecycle(AlertPolicy policy, AlertFactory alerts) {
        this.policy = policy;
        this.alerts = alerts;
    }

    /**
     * @param finding what fires now for this kind, or null when it does not
     * @param resolveReason why it is over, if it was firing
     * @param timers receives the DataWorks times this alert needs to be looked at again (reminder, end of silence)
     * @return the state to keep, or null when there is none
     */
    OpenAlert step(Judged j, AlertKind kind, OpenAlert open, Finding finding, String resolveReason, Consumer<Alert> out,
            LongConsumer timers) {
        if (finding == null) {
            return resolve(j, open, resolveReason, out);
        }
        Silence silence = policy.silenceFor(j.baseline(), kind, j.now());
        if (silence != null) {
            timers.accept(silence.until().toEpochMilli());
        }
        Severity severity = Severity.of(kind, j.baseline().priority);
        if (open == null) {
            open = new OpenAlert();
            open.kind = kind;
        }
        open.reason = finding.reason();
        if (open.resolved || open.sequence == 0 && !open.silenced) {
            // A new episode: the sequence goes on from the last one, so (alertId, sequence) never repeats.
            open.resolved = false;
            open.firstSeen = j.now();
            open.repeats = 0;
            open.silenced = silence != null;
            if (silence == null) {
                publish(j, open, finding, severity, finding.reason(), out, timers);
            }
            return open;
        }
        if (open.silenced) {
            if (silence == null) {
                open.silenced = false;
                publish(j, open, finding, severity, finding.reason() + " (held back by a silence until now)", out, timers);
            }
            return open;
        }
        String changes = changes(j, open, finding, severity);
        if (changes != null) {
            if (silence == null) {
                publish(j, open, finding, severity, finding.reason() + " (" + changes + ")", out, timers);
            }
            return open;
        }
        if (open.nextRepeatAt == 0 && open.repeats < policy.maxRepeats()) {
            // State from before reminders existed: start counting from the last record.
            open.nextRepeatAt = open.lastUpdated + policy.repeatInterval().toMillis();
        }
        if (open.nextRepeatAt != 0) {
            timers.accept(open.nextRepeatAt);
        }
        if (open.nextRepeatAt != 0 && j.now() >= open.nextRepeatAt && silence == null) {
            open.repeats++;
            String reminder = "reminder " + open.repeats + " of " + policy.maxRepeats() + ", firing since "
                    + alerts.iso(open.firstSeen) + ": " + finding.reason();
            publish(j, open, finding, severity, reminder, out, timers);
        }
        return open;
    }

    private OpenAlert resolve(Judged j, OpenAlert open, String reason, Consumer<Alert> out) {
        if (open == null || open.resolved) {
            return open;
        }
        open.resolved = true;
        open.nextRepeatAt = 0;
        if (open.silenced) {
            // Consumers never saw it fire: nothing to resolve for them.
            open.silenced = false;
            return open;
        }
        open.sequence++;
        open.lastUpdated = j.now();
        out.accept(alerts.build(j.key(), open, AlertState.RESOLVED, j.state(), j.projection(), lastCulprit(j, open), reason));
        return open;
    }

    private void publish(Judged j, OpenAlert open, Finding finding, Severity severity, String reason, Consumer<Alert> out,
            LongConsumer timers) {
        open.sequence++;
        open.severity = severity;
        open.culpritNodeInstanceId = finding.culpritId();
        if (finding.tracksProjection()) {
            open.projectedFinish = finding.projectedFinish();
        }
        open.lastUpdated = j.now();
        // Reminders count from the last record: an update is news, so the next reminder waits a full interval.
        open.nextRepeatAt = open.repeats < policy.maxRepeats() ? j.now() + policy.repeatInterval().toMillis() : 0;
        if (open.nextRepeatAt != 0) {
            timers.accept(open.nextRepeatAt);
        }
        out.accept(alerts.build(j.key(), open, AlertState.FIRING, j.state(), j.projection(), finding.culprit(), reason));
    }

    /** What consumers would want to hear about, or null: severity, culprit, or a big enough move of the projected finish. */
    private String changes(Judged j, OpenAlert open, Finding finding, Severity severity) {
        StringBuilder changes = new StringBuilder();
        if (severity != open.severity) {
            changes.append("severity ").append(open.severity).append(" → ").append(severity);
        }
        if (finding.culpritId() != open.culpritNodeInstanceId) {
            append(changes, "culprit " + nodeName(j, open.culpritNodeInstanceId) + " → "
                    + (finding.culprit() == null ? "none" : finding.culprit().nodeName));
        }
        if (finding.tracksProjection() && finding.projectedFinish() != null) {
            if (open.projectedFinish == null) {
                // Nothing was published to compare with (state from an older version): remember, say nothing.
                open.projectedFinish = finding.projectedFinish();
            } else if (projectionNews(finding.projectedFinish() - open.projectedFinish, j.now() - open.lastUpdated)) {
                append(changes, "projected finish " + alerts.iso(open.projectedFinish) + " → " + alerts.iso(finding.projectedFinish()));
            }
        }
        return changes.isEmpty() ? null : changes.toString();
    }

    /**
     * A projection of an instance that waits on something (a node not started, one overdue) slips
     * with the clock: that is what a reminder says, not news. News is a finish earlier by the
     * threshold, or later by the threshold beyond the DataWorks time that passed since the last record.
     */
    private boolean projectionNews(long moved, long elapsed) {
        long threshold = policy.projectionChange().toMillis();
        return moved <= -threshold || moved - Math.max(0, elapsed) >= threshold;
    }

    private static void append(StringBuilder changes, String change) {
        changes.append(changes.isEmpty() ? "" : "; ").append(change);
    }

    private static String nodeName(Map<Long, RunInfo> nodes, long id, String fallback) {
        RunInfo node = nodes.get(id);
        return node == null ? fallback : Objects.toString(node.nodeName, fallback);
    }

    private static String nodeName(Judged j, long id) {
        return id == 0 ? "none" : nodeName(j.nodes(), id, "node instance " + id);
    }

    /** The node a resolve names: for baseline kinds the path's culprit now, for node kinds the node it was about, as it is now. */
    private static CulpritRef lastCulprit(Judged j, OpenAlert open) {
        if (open.kind == AlertKind.BASELINE_AT_RISK || open.kind == AlertKind.BASELINE_LATE) {
            Projection p = j.projection();
            return p == null || p.culprit() == null ? null : AlertFactory.culprit(p.culprit(), p.culpritSlipMillis());
        }
        RunInfo node = j.nodes().get(open.culpritNodeInstanceId);
        return node == null ? null : AlertFactory.culprit(node, Projection.slipOf(node, j.now()));
    }
}
