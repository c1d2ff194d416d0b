package dev.baselinewatch.simulator;

import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.InstanceRef;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.dataworks.model.NodeTopic;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.simulator.Scenario.Outcome;
import dev.baselinewatch.simulator.Scenario.SimBaseline;
import dev.baselinewatch.simulator.Scenario.SimNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to one baseline instance (one business date, one cycle), worked out once from its plan, and
 * what DataWorks would answer about it at any moment: node runs, events, status and forecast.
 * Forecasts come from history ({@code expectedDuration}) the way DataWorks makes them; the actual
 * run may differ, which is what the job has to notice.
 */
final class BaselineTimeline {

    static final long NEVER = Long.MAX_VALUE;
    /** A node running more than this many times its history gets a SLOW event, as DataWorks opens one. */
    private static final int SLOW_EVENT_FACTOR = 2;

    private final SimBaseline baseline;
    private final long bizdateMillis;
    private final List<Step> steps = new ArrayList<>();

    /** One node's plan and its actual timeline; {@link #NEVER} for what does not happen. */
    private record Step(
            SimNode node,
            long plannedStart,
            long beginCast,
            long endCast,
            long readyAt,
            long waitResFrom,
            long runFrom,
            long firstEnd,
            long rerunFrom,
            long successAt) {

        boolean started() {
            return runFrom != NEVER;
        }
    }

    /** The timeline of one planned instance of {@code scenario} on {@code bizdate}. */
    static BaselineTimeline of(Scenario scenario, SimBaseline plan, LocalDate bizdate) {
        // DataWorks generates the day's instances before the run day starts: by then they wait for their time.
        return new BaselineTimeline(plan, scenario.runDayMidnight(bizdate), Bizdates.toEpochMillis(bizdate, scenario.zone()));
    }

    BaselineTimeline(SimBaseline baseline, long instancesReadyAt, long bizdateMillis) {
        this.baseline = baseline;
        this.bizdateMillis = bizdateMillis;
        long forecastCursor = instancesReadyAt;
        long actualCursor = instancesReadyAt;
        for (SimNode node : baseline.nodes()) {
            long planned = node.plannedStart() == Long.MIN_VALUE ? forecastCursor : node.plannedStart();
            long beginCast = Math.max(planned, forecastCursor);
            long endCast = beginCast + node.expectedMillis();
            Step step = actual(node, planned, beginCast, endCast, actualCursor);
            steps.add(step);
            forecastCursor = endCast;
            actualCursor = step.successAt();
        }
    }

    private static Step actual(SimNode node, long planned, long beginCast, long endCast, long readyAt) {
        if (readyAt == NEVER) {
            return new Step(node, planned, beginCast, endCast, NEVER, NEVER, NEVER, NEVER, NEVER, NEVER);
        }
        if (node.outcome() == Outcome.NEVER_STARTS) {
            return new Step(node, planned, beginCast, endCast, readyAt, NEVER, NEVER, NEVER, NEVER, NEVER);
        }
        long waitResFrom = Math.max(readyAt, planned);
        long runFrom = waitResFrom + node.waitForResourcesMillis();
        long firstEnd = runFrom + node.actualMillis();
        long rerunFrom = NEVER;
        long successAt = firstEnd;
        if (node.outcome() == Outcome.FAILURE) {
            rerunFrom = node.rerunAfterMillis() == null ? NEVER : firstEnd + node.rerunAfterMillis();
            successAt = rerunFrom == NEVER ? NEVER : rerunFrom + node.rerunMillis();
        }
        return new Step(node, planned, beginCast, endCast, readyAt, waitResFrom, runFrom, firstEnd, rerunFrom, successAt);
    }

    SimBaseline baseline() {
        return baseline;
    }

    /** When the last key-path node succeeds, or {@link #NEVER}. */
    long finishAt() {
        return steps.get(steps.size() - 1).successAt();
    }

    List<KeyPathNode> keyPath(long now) {
        List<KeyPathNode> nodes = new ArrayList<>();
        for (Step step : steps) {
            SimNode node = step.node();
            nodes.add(new KeyPathNode(node.owner(), node.name(), node.nodeId(), node.instanceId(), baseline.projectId(),
                    bizdateMillis, baseline.inGroupId(), node.prgType(), runs(step, now), topics(step, now)));
        }
        return nodes;
    }

    private static List<NodeRun> runs(Step s, long now) {
        long absTime = s.beginCast() + s.node().expectedMillis();
        List<NodeRun> runs = new ArrayList<>();
        String status;
        if (now < s.readyAt()) {
            status = "NOT_RUN";
        } else if (now < s.waitResFrom()) {
            status = "WAIT_TIME";
        } else if (now < s.runFrom()) {
            status = "WAIT_RESOURCE";
        } else if (now < s.firstEnd()) {
            status = "RUNNING";
        } else {
            status = s.node().outcome() == Outcome.FAILURE ? "FAILURE" : "SUCCESS";
        }
        runs.add(new NodeRun(status, null,
                seen(s.readyAt(), now), seen(s.waitResFrom(), now), seen(s.runFrom(), now), seen(s.firstEnd(), now),
                s.beginCast(), s.endCast(), absTime));
        if (now >= s.rerunFrom()) {
            boolean done = now >= s.successAt();
            runs.add(new NodeRun(done ? "SUCCESS" : "RUNNING", null, s.rerunFrom(), s.rerunFrom(), s.rerunFrom(),
                    done ? s.successAt() : null, s.beginCast(), s.endCast(), absTime));
        }
        return runs;
    }

    private static List<NodeTopic> topics(Step s, long now) {
        List<NodeTopic> topics = new ArrayList<>();
        SimNode node = s.node();
        long slowAt = s.runFrom() == NEVER ? NEVER : s.runFrom() + SLOW_EVENT_FACTOR * node.expectedMillis();
        if (slowAt < s.firstEnd() && now >= slowAt) {
            topics.add(new NodeTopic(node.instanceId() * 10 + 2, node.name() + "变慢", node.instanceId(), slowAt));
        }
        if (node.outcome() == Outcome.FAILURE && now >= s.firstEnd()) {
            topics.add(new NodeTopic(node.instanceId() * 10 + 1, node.name() + "出错", node.instanceId(), s.firstEnd()));
        }
        return topics;
    }

    /** The events of this instance found by {@code now}, with their lifecycle: DataWorks closes them when the node recovers. */
    List<Topic> events(long now) {
        List<Topic> events = new ArrayList<>();
        for (Step s : steps) {
            for (NodeTopic topic : topics(s, now)) {
                boolean error = topic.topicId() % 10 == 1;
                long fixedAt = error ? s.successAt() : s.firstEnd();
                String status = now >= fixedAt ? "RECOVER" : error && now >= s.rerunFrom() ? "FIXING" : "NEW";
                SimNode node = s.node();
                events.add(new Topic(topic.topicId(), topic.topicName(), error ? "ERROR" : "SLOW", status, topic.addTime(),
                        topic.addTime(), now >= fixedAt ? fixedAt : null, node.instanceId(), node.nodeId(), node.name(),
                        node.owner(), baseline.projectId()));
            }
        }
        return events;
    }

    private static Long seen(long at, long now) {
        return at != NEVER && now >= at ? at : null;
    }

    BaselineStatus status(long now) {
        long finishAt = finishAt();
        boolean finished = now >= finishAt;
        long forecast = forecastAt(now);
        Step last = steps.get(steps.size() - 1);
        Step blocking = null;
        for (Step s : steps) {
            if (now < s.successAt()) {
                blocking = s;
                break;
            }
        }
        // The trailing newline is in the documented answers; clients must cope with it.
        return new BaselineStatus(baseline.id(), baseline.name() + "\n", bizdateMillis, baseline.inGroupId(), baseline.owner(),
                baseline.priority(), baseline.projectId(), baseline.committedAt(), baseline.alertAt(), forecast,
                (baseline.committedAt() - forecast) / 1000.0, statusAt(now, forecast), finished ? "FINISH" : "UNFINISH",
                finished ? finishAt : null, ref(last, now), finished || blocking == null ? null : ref(blocking, now));
    }

    /**
     * Whether {@link #status} at {@code now} shows trouble: the forecast ({@code EndCast}) after the committed
     * time ({@code SlaTime}), or {@code OVER}. The same judgement without building the answer, for the truth's scans.
     */
    boolean showsTrouble(long now) {
        long forecast = forecastAt(now);
        return forecast > baseline.committedAt() || statusAt(now, forecast).equals("OVER");
    }

    /** {@code Status} at {@code now}, without building the whole answer: what listings filter on. */
    String statusName(long now) {
        return statusAt(now, forecastAt(now));
    }

    boolean finished(long now) {
        return now >= finishAt();
    }

    /** {@code EndCast}: the finish once finished, else DataWorks' live forecast. */
    private long forecastAt(long now) {
        long finishAt = finishAt();
        return now >= finishAt ? finishAt : forecastFinish(now);
    }

    private String statusAt(long now, long forecast) {
        long finishAt = finishAt();
        if (now >= finishAt) {
            return finishAt > baseline.committedAt() ? "OVER" : "SAFE";
        } else if (now >= baseline.committedAt()) {
            return "OVER";
        } else if (forecast > baseline.alertAt()) {
            return "DANGEROUS";
        }
        return "SAFE";
    }

    /** DataWorks' live forecast: what finished, finished; everything else runs its historical duration from now on. */
    private long forecastFinish(long now) {
        long cursor = Long.MIN_VALUE;
        for (Step s : steps) {
            long end;
            if (now >= s.successAt()) {
                end = s.successAt();
            } else if (now >= s.rerunFrom()) {
                end = Math.max(now, s.rerunFrom() + s.node().expectedMillis());
            } else if (now >= s.runFrom() && now < s.firstEnd()) {
                end = Math.max(now, s.runFrom() + s.node().expectedMillis());
            } else {
                end = Math.max(Math.max(now, cursor), s.plannedStart()) + s.node().expectedMillis();
            }
            cursor = end;
        }
        return cursor;
    }

    private InstanceRef ref(Step s, long now) {
        SimNode node = s.node();
        List<NodeRun> runs = runs(s, now);
        NodeRun latest = runs.get(runs.size() - 1);
        return new InstanceRef(node.instanceId(), node.nodeId(), node.name(), node.owner(), baseline.projectId(),
                latest.status(), s.endCast(), latest.finishTime());
    }
}
