package dev.baselinewatch.lateness;

import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * When an unfinished instance will finish, and which key-path node holds it back. Walks the key
 * path in run order: a finished node ends when it ended; any other node ends no earlier than now,
 * and no earlier than its start plus its forecast duration. The culprit is the node that added the
 * most delay beyond what it inherited from upstream, so a slow node stays the culprit while the
 * nodes after it run normally, and a node that never starts becomes the culprit as time passes.
 */
public record Projection(long projectedFinish, RunInfo culprit, long culpritSlipMillis) {

    static final List<String> STARTED = List.of("RUNNING", "CHECKING", "CHECKING_CONDITION");

    public static Projection of(StatusInfo status, Collection<RunInfo> keyPath, long now) {
        List<RunInfo> nodes = keyPath.stream().sorted(Comparator.comparingInt(r -> r.position)).toList();
        long cursor = Long.MIN_VALUE;
        long inheritedSlip = 0;
        RunInfo culprit = null;
        long culpritAdded = 0;
        long culpritSlip = 0;
        for (RunInfo node : nodes) {
            long end = endOf(node, cursor, now);
            long slip = node.endCast == null ? 0 : end - node.endCast;
            long added = slip - Math.max(0, inheritedSlip);
            if (added > culpritAdded) {
                culprit = node;
                culpritAdded = added;
                culpritSlip = slip;
            }
            inheritedSlip = slip;
            cursor = end;
        }
        long projected = cursor;
        if (status != null && status.endCast != null) {
            projected = Math.max(projected, status.endCast);
        }
        if (status == null || !status.finished) {
            projected = Math.max(projected, now);
        } else if (status.finishTime != null) {
            projected = status.finishTime;
        }
        return new Projection(projected, culprit, culpritSlip);
    }

    private static long endOf(RunInfo node, long upstreamEnd, long now) {
        if ("SUCCESS".equals(node.runStatus) && node.finishTime != null) {
            return node.finishTime;
        }
        long expected = expectedDuration(node);
        long start;
        if (STARTED.contains(node.runStatus) && node.beginRunningTime != null) {
            start = node.beginRunningTime;
        } else {
            start = Math.max(now, Math.max(upstreamEnd, node.beginCast == null ? Long.MIN_VALUE : node.beginCast));
        }
        return Math.max(now, start + expected);
    }

    /** How much later than DataWorks' forecast this node ends, as projected now; 0 without a forecast. */
    static long slipOf(RunInfo node, long now) {
        return node.endCast == null ? 0 : endOf(node, Long.MIN_VALUE, now) - node.endCast;
    }

    /** The node's duration as DataWorks forecasts it from history; 0 when unknown. */
    static long expectedDuration(RunInfo node) {
        if (node.beginCast != null && node.endCast != null) {
            return Math.max(0, node.endCast - node.beginCast);
        }
        if (node.beginCast != null && node.absTime != null) {
            return Math.max(0, node.absTime - node.beginCast);
        }
        return 0;
    }
}
