package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.CulpritRef;
import dev.baselinewatch.event.AbsentInfo;
import dev.baselinewatch.event.PollHealth;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which kinds of alert fire for one instance at one moment of DataWorks time, and when that could
 * change with no new data (the deadlines to set timers at). Pure: the lifecycle is someone else's.
 */
final class AlertRules implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** What fires now, the projection it was judged on (null without a status), and the deadlines ahead. */
    record Judgement(Map<AlertKind, Finding> firing, Projection projection, List<Long> deadlines) {}

    private final AlertPolicy policy;

    AlertRules(AlertPolicy policy) {
        this.policy = policy;
    }

    Judgement judge(InstanceState state, List<RunInfo> runs, List<KnownTopic> topics, long now) {
        Map<AlertKind, Finding> firing = new EnumMap<>(AlertKind.class);
        List<Long> deadlines = new ArrayList<>();
        StatusInfo status = state.status;
        if (status == null) {
            noData(state.absent, now, firing, deadlines);
            blindSpot(state.health, null, firing);
            return new Judgement(firing, null, deadlines);
        }
        List<RunInfo> path = runs.stream().sorted(Comparator.comparingInt(r -> r.position)).toList();
        Projection projection = Projection.of(status, path, now);
        if (status.finished) {
            // Everything an instance can be alerted for is over once it finished.
            return new Judgement(firing, projection, deadlines);
        }
        deadlines(status, deadlines);
        baseline(status, projection, now, firing);
        nodeFailed(path, projection, now, firing);
        nodeSlow(path, projection, now, firing, deadlines);
        waitingForResources(path, projection, now, firing, deadlines);
        eventOpened(topics, path, projection, now, firing);
        blindSpot(state.health, projection, firing);
        return new Judgement(firing, projection, deadlines);
    }

    private static void deadlines(StatusInfo status, List<Long> deadlines) {
        if (status.expTime != null) {
            deadlines.add(status.expTime);
        }
        if (status.slaTime != null) {
            deadlines.add(status.slaTime);
        }
    }

    private static void baseline(StatusInfo status, Projection projection, long now, Map<AlertKind, Finding> firing) {
        long projected = projection.projectedFinish();
        boolean late = status.slaTime != null && now >= status.slaTime;
        boolean projectedLate = status.slaTime != null && projected > status.slaTime;
        boolean alertTimePassed = status.expTime != null && now >= status.expTime;
        // The alert margin is there to be warned in: a projection inside it is DataWorks' own DANGEROUS.
        boolean marginEaten = status.expTime != null && projected > status.expTime;
        CulpritRef culprit = culprit(projection);
        if (late) {
            firing.put(AlertKind.BASELINE_LATE,
                    new Finding(AlertKind.BASELINE_LATE, "committed time passed, not finished", culprit, projected, true));
        }
        String reason = projectedLate ? "projected finish is after the committed time"
                : alertTimePassed ? "alert time passed, not finished"
                : marginEaten ? "projected finish is past the alert time, inside the alert margin" : null;
        if (reason != null) {
            firing.put(AlertKind.BASELINE_AT_RISK, new Finding(AlertKind.BASELINE_AT_RISK, reason, culprit, projected, true));
        }
    }

    /**
     * Fires from the failure until the node succeeds: a rerun still running is the failure being
     * fixed, not over. A rerun is taken as following a failure even when the failed run itself was
     * never seen (the key path is read only when the instance is at risk, and a rerun can start
     * before that): DataWorks reruns a key-path node of an unfinished instance after an error or
     * when an operator stopped it.
     */
    private static void nodeFailed(List<RunInfo> path, Projection projection, long now, Map<AlertKind, Finding> firing) {
        for (RunInfo node : path) {
            boolean failed = "FAILURE".equals(node.runStatus);
            boolean rerunning = node.runCount > 1 && !"SUCCESS".equals(node.runStatus);
            if (failed || rerunning) {
                String reason = failed ? "key-path node " + node.nodeName + " failed"
                        : "key-path node " + node.nodeName + " failed and is being rerun (run " + node.runCount + ", " + node.runStatus + ")";
                firing.put(AlertKind.NODE_FAILED, new Finding(AlertKind.NODE_FAILED, reason,
                        AlertFactory.culprit(node, Projection.slipOf(node, now)), projection.projectedFinish(), false));
                return;
            }
        }
    }

    private void nodeSlow(List<RunInfo> path, Projection projection, long now, Map<AlertKind, Finding> firing, List<Long> deadlines) {
        for (RunInfo node : path) {
            long expected = Projection.expectedDuration(node);
            if (!Projection.STARTED.contains(node.runStatus) || node.beginRunningTime == null || expected <= 0) {
                continue;
            }
            long threshold = Math.max((long) (policy.nodeSlowFactor() * expected), expected + policy.nodeSlowMinimum().toMillis());
            long slowAt = node.beginRunningTime + threshold;
            if (now < slowAt) {
                deadlines.add(slowAt);
                continue;
            }
            long running = now - node.beginRunningTime;
            String reason = String.format("key-path node %s running for %s, %.1fx its usual %s",
                    node.nodeName, Texts.duration(running), (double) running / expected, Texts.duration(expected));
            firing.putIfAbsent(AlertKind.NODE_SLOW, new Finding(AlertKind.NODE_SLOW, reason,
                    AlertFactory.culprit(node, Projection.slipOf(node, now)), projection.projectedFinish(), false));
        }
    }

    private void waitingForResources(List<RunInfo> path, Projection projection, long now, Map<AlertKind, Finding> firing,
            List<Long> deadlines) {
        for (RunInfo node : path) {
            if (!"WAIT_RESOURCE".equals(node.runStatus) || node.beginWaitResTime == null) {
                continue;
            }
            long tooLongAt = node.beginWaitResTime + policy.waitingForResourcesAfter().toMillis();
            if (now < tooLongAt) {
                deadlines.add(tooLongAt);
                continue;
            }
            String reason = "key-path node " + node.nodeName + " waiting for resources for " + Texts.duration(now - node.beginWaitResTime);
            firing.putIfAbsent(AlertKind.WAITING_FOR_RESOURCES, new Finding(AlertKind.WAITING_FOR_RESOURCES, reason,
                    AlertFactory.culprit(node, Projection.slipOf(node, now)), projection.projectedFinish(), false));
        }
    }

    /** One alert for all open events of the instance, naming the most recent one. */
    private static void eventOpened(List<KnownTopic> topics, List<RunInfo> path, Projection projection, long now,
            Map<AlertKind, Finding> firing) {
        List<KnownTopic> open = topics.stream().filter(t -> !t.topic.closed())
                .sorted(Comparator.comparingLong((KnownTopic t) -> t.topic.addTime == null ? 0 : t.topic.addTime)
                        .thenComparingLong(t -> t.topic.topicId))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        KnownTopic latest = open.get(open.size() - 1);
        RunInfo node = path.stream().filter(r -> r.nodeInstanceId == latest.topic.nodeInstanceId).findFirst().orElse(null);
        CulpritRef culprit = node != null ? AlertFactory.culprit(node, Projection.slipOf(node, now))
                : AlertFactory.culprit(latest.topic);
        String type = latest.topic.type == null ? "" : " (" + latest.topic.type + ")";
        String reason = "DataWorks event " + latest.topic.topicName + type + " open on " + latest.topic.nodeName
                + (open.size() > 1 ? "; " + open.size() + " events open" : "");
        firing.put(AlertKind.EVENT_OPENED, new Finding(AlertKind.EVENT_OPENED, reason, culprit, projection.projectedFinish(), false));
    }

    private void blindSpot(PollHealth health, Projection projection, Map<AlertKind, Finding> firing) {
        if (health == null || !health.blind) {
            return;
        }
        String since = health.lastAnsweredAt == null ? "it never answered"
                : "last answer at " + Instant.ofEpochMilli(health.lastAnsweredAt).atZone(policy.zone()).toOffsetDateTime();
        String reason = "cannot poll DataWorks for this instance (" + health.reason + "): " + since
                + ", more than the " + Texts.duration(health.allowedMillis) + " its urgency allows";
        firing.put(AlertKind.BLIND_SPOT, new Finding(AlertKind.BLIND_SPOT, reason, null,
                projection == null ? null : projection.projectedFinish(), false));
    }

    /** Only while no status was ever seen: a status, even a late one, is the instance appearing. */
    private static void noData(AbsentInfo absent, long now, Map<AlertKind, Finding> firing, List<Long> deadlines) {
        if (absent == null || absent.expectedCommittedAt == null) {
            return;
        }
        if (now < absent.expectedCommittedAt) {
            deadlines.add(absent.expectedCommittedAt);
            return;
        }
        firing.put(AlertKind.NO_DATA, new Finding(AlertKind.NO_DATA,
                "committed time passed and DataWorks shows no such instance", null, null, false));
    }

    private static CulpritRef culprit(Projection projection) {
        return projection.culprit() == null ? null : AlertFactory.culprit(projection.culprit(), projection.culpritSlipMillis());
    }

    /** Reason texts. */
    static final class Texts {
        private Texts() {}

        static String duration(long millis) {
            Duration d = Duration.ofMillis(Math.max(0, millis));
            long hours = d.toHours();
            long minutes = d.toMinutesPart();
            return hours == 0 ? minutes + "m" : String.format("%dh%02dm", hours, minutes);
        }
    }
}
