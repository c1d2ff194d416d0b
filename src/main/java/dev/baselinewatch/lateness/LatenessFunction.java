package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lateness of one baseline instance, keyed by {@code baselineId:bizdate:inGroupId}. Judged on
 * event time, which is DataWorks time: timers at the alert and committed times, node thresholds,
 * reminders and silence ends fire from the source's watermark, so an instance whose nodes never
 * start still alerts with no new data. {@link AlertRules} says what fires, {@link AlertLifecycle}
 * what consumers are told; this class keeps the state and the timers, and drops both after the
 * instance finished and the grace period passed, or when an unfinished instance expires.
 *
 * <p>Metrics: {@code instancesOpened} and {@code instancesForgotten} count instances whose state this
 * subtask created and dropped since it started; their difference is the instances it holds, which
 * must level off in a long run (BENCHMARKS.md, the soak).
 */
public class LatenessFunction extends KeyedProcessFunction<String, BaselineEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /** DataWorks events, enriched with the baseline they hit, for the events topic. */
    public static final OutputTag<ForwardedEvent> FORWARDED_EVENTS = new OutputTag<>("dataworks-events") {};
    /** Each instance's lateness, once per window granularity, for the lateness windows. */
    public static final OutputTag<InstanceOutcome> OUTCOMES = new OutputTag<>("instance-outcomes") {};

    private final AlertPolicy policy;
    private final AlertFactory alerts;
    private final AlertRules rules;
    private final AlertLifecycle lifecycle;

    private transient ValueState<InstanceState> instance;
    private transient MapState<Long, RunInfo> keyPath;
    private transient MapState<AlertKind, OpenAlert> openAlerts;
    private transient MapState<Long, KnownTopic> topics;
    private transient Counter instancesOpened;
    private transient Counter instancesForgotten;

    public LatenessFunction(AlertPolicy policy) {
        this.policy = policy;
        this.alerts = new AlertFactory(policy.zone());
        this.rules = new AlertRules(policy);
        this.lifecycle = new AlertLifecycle(policy, alerts);
    }

    /** With every default but the zone and the grace period. */
    public LatenessFunction(ZoneId projectZone, Duration gracePeriod) {
        this(AlertPolicy.defaults(projectZone).withGracePeriod(gracePeriod));
    }

    @Override
    public void open(OpenContext openContext) {
        instance = getRuntimeContext().getState(new ValueStateDescriptor<>("instance-v1", InstanceState.class));
        keyPath = getRuntimeContext().getMapState(new MapStateDescriptor<>("key-path-v1", Long.class, RunInfo.class));
        openAlerts = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-alerts-v1", AlertKind.class, OpenAlert.class));
        topics = getRuntimeContext().getMapState(new MapStateDescriptor<>("topics-v1", Long.class, KnownTopic.class));
        instancesOpened = getRuntimeContext().getMetricGroup().counter("instancesOpened");
        instancesForgotten = getRuntimeContext().getMetricGroup().counter("instancesForgotten");
    }

    @Override
    public void processElement(BaselineEvent event, Context ctx, Collector<Alert> out) throws Exception {
        InstanceState state = instance.value();
        if (state == null) {
            state = new InstanceState();
            state.firstSeenAt = event.observedAt;
            instancesOpened.inc();
        }
        state.lastRequestId = event.requestId;
        switch (event.type) {
            case STATUS -> {
                // A retried call answers late: its older status must not replace a newer one.
                if (event.observedAt >= state.statusObservedAt) {
                    state.status = event.status;
                    state.statusObservedAt = event.observedAt;
                }
            }
            case RUN -> keyPath.put(event.run.nodeInstanceId, event.run);
            case TOPIC -> remember(event);
            case POLL_HEALTH -> {
                state.health = event.health;
                state.baselineInfo = event.baselineInfo != null ? event.baselineInfo : state.baselineInfo;
            }
            case ABSENT -> {
                state.absent = event.absent;
                state.baselineInfo = event.baselineInfo != null ? event.baselineInfo : state.baselineInfo;
            }
        }
        InstanceKey key = event.instanceKey();
        if (state.status != null || state.baselineInfo != null) {
            forwardTopics(key, state, ctx);
        }
        evaluate(key, state, Math.max(event.observedAt, ctx.timerService().currentWatermark()), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        InstanceState state = instance.value();
        if (state == null) {
            return;
        }
        TimerBook.fired(state, timestamp);
        InstanceKey key = InstanceKey.parse(ctx.getCurrentKey());
        if (state.cleanupAt != 0 && timestamp >= state.cleanupAt) {
            clear(state, ctx);
        } else if (state.expireAt != 0 && timestamp >= state.expireAt) {
            expire(key, state, timestamp, ctx, out);
        } else {
            evaluate(key, state, timestamp, ctx, out);
        }
    }

    private void evaluate(InstanceKey key, InstanceState state, long eventNow, Context ctx, Collector<Alert> out) throws Exception {
        // An answer that arrives after a later one (a retried call) must not take the judgement back in time.
        long now = Math.max(eventNow, state.judgedAt);
        state.judgedAt = now;
        Map<AlertKind, OpenAlert> opens = openAlerts();
        Map<Long, RunInfo> nodes = nodes();
        List<KnownTopic> known = new ArrayList<>();
        topics.values().forEach(known::add);
        AlertRules.Judgement judgement = rules.judge(state, new ArrayList<>(nodes.values()), known, now);
        AlertLifecycle.Judged judged = new AlertLifecycle.Judged(
                key, state, judgement.projection(), AlertFactory.baseline(key, state), nodes, now);
        StatusInfo status = state.status;
        boolean finished = status != null && status.finished;
        if (finished && status.finishTime != null && status.slaTime != null && status.finishTime > status.slaTime
                && opens.get(AlertKind.BASELINE_LATE) == null) {
            // The committed time passed while the job could not see the instance: say it was late, then that it is over.
            Finding late = new Finding(AlertKind.BASELINE_LATE, "finished after the committed time",
                    null, judgement.projection().projectedFinish(), true);
            opens.put(AlertKind.BASELINE_LATE, step(judged, null, late, "finished", out, state, ctx));
        }
        for (AlertKind kind : AlertKind.values()) {
            OpenAlert updated = step(judged, opens.get(kind), judgement.firing().get(kind),
                    finished ? "finished" : resolveReason(kind), out, state, ctx);
            if (updated != null) {
                openAlerts.put(kind, updated);
            }
        }
        Outcomes.trackAtRisk(state, judgement.firing().containsKey(AlertKind.BASELINE_AT_RISK)
                || judgement.firing().containsKey(AlertKind.BASELINE_LATE), now);
        judgement.deadlines().forEach(at -> TimerBook.register(state, ctx.timerService(), at));
        Long committed = Outcomes.committedAt(state);
        state.expireAt = (committed != null ? committed : state.firstSeenAt) + policy.expireAfter().toMillis();
        // Already past (old data replayed): at the next watermark, rather than never.
        TimerBook.register(state, ctx.timerService(), Math.max(state.expireAt, ctx.timerService().currentWatermark() + 1));
        Outcomes.emitDue(key, state, now, finished, policy, o -> ctx.output(OUTCOMES, o),
                at -> TimerBook.register(state, ctx.timerService(), at));
        if (finished && state.cleanupAt == 0) {
            state.cleanupAt = now + policy.gracePeriod().toMillis();
            TimerBook.register(state, ctx.timerService(), state.cleanupAt);
        }
        instance.update(state);
    }

    private OpenAlert step(AlertLifecycle.Judged judged, OpenAlert open, Finding finding, String resolveReason,
            Collector<Alert> out, InstanceState state, Context ctx) {
        AlertKind kind = finding != null ? finding.kind() : open == null ? null : open.kind;
        if (kind == null) {
            return null;
        }
        return lifecycle.step(judged, kind, open, finding, resolveReason, out::collect,
                at -> TimerBook.register(state, ctx.timerService(), at));
    }

    /**
     * An instance that never finished, long after its committed time: the source stopped watching it
     * when its business date rolled out, so nothing will ever resolve its alerts. Say so, and forget it.
     */
    private void expire(InstanceKey key, InstanceState state, long timestamp, Context ctx, Collector<Alert> out) throws Exception {
        long now = Math.max(timestamp, state.judgedAt);
        Map<Long, RunInfo> nodes = nodes();
        Projection projection = state.status == null ? null : Projection.of(state.status, nodes.values(), now);
        AlertLifecycle.Judged judged = new AlertLifecycle.Judged(key, state, projection, AlertFactory.baseline(key, state), nodes, now);
        String reason = "expired: not finished " + AlertRules.Texts.duration(policy.expireAfter().toMillis())
                + " after its committed time; the job no longer watches this instance";
        for (OpenAlert open : openAlerts().values()) {
            step(judged, open, null, reason, out, state, ctx);
        }
        Outcomes.emitDue(key, state, now, true, policy, o -> ctx.output(OUTCOMES, o), at -> {});
        forwardTopics(key, state, ctx);
        clear(state, ctx);
    }

    private void clear(InstanceState state, Context ctx) {
        TimerBook.deleteAll(state, ctx.timerService());
        instance.clear();
        keyPath.clear();
        openAlerts.clear();
        topics.clear();
        instancesForgotten.inc();
    }

    private void remember(BaselineEvent event) throws Exception {
        KnownTopic known = topics.get(event.topic.topicId);
        if (known == null) {
            known = new KnownTopic();
            known.topic = event.topic;
            known.observedAt = event.observedAt;
            known.updatedAt = event.observedAt;
            known.requestId = event.requestId;
        } else if (event.topic.status != null && event.observedAt >= known.updatedAt) {
            // Only a newer word on its status counts; "unknown" (null) never reopens a closed event.
            known.topic.status = event.topic.status;
            known.topic.type = event.topic.type != null ? event.topic.type : known.topic.type;
            known.updatedAt = event.observedAt;
        }
        topics.put(event.topic.topicId, known);
    }

    /** Each event once, as soon as the baseline it hit can be named. */
    private void forwardTopics(InstanceKey key, InstanceState state, Context ctx) throws Exception {
        List<KnownTopic> pending = new ArrayList<>();
        topics.values().forEach(t -> {
            if (!t.forwarded) {
                pending.add(t);
            }
        });
        for (KnownTopic t : pending) {
            ctx.output(FORWARDED_EVENTS, EventForwarding.enrich(key, t, state, keyPath.get(t.topic.nodeInstanceId), alerts));
            t.forwarded = true;
            topics.put(t.topic.topicId, t);
        }
    }

    private static String resolveReason(AlertKind kind) {
        return switch (kind) {
            case BASELINE_AT_RISK -> "projected finish is back before the alert time";
            case BASELINE_LATE -> "the committed time moved and is no longer passed";
            case NODE_FAILED -> "the failed node succeeded";
            case NODE_SLOW -> "the slow node is no longer running";
            case WAITING_FOR_RESOURCES -> "the node is no longer waiting for resources";
            case EVENT_OPENED -> "DataWorks events recovered or ignored";
            case BLIND_SPOT -> "DataWorks answers about this instance again";
            case NO_DATA -> "DataWorks shows the instance now";
        };
    }

    private Map<AlertKind, OpenAlert> openAlerts() throws Exception {
        Map<AlertKind, OpenAlert> opens = new EnumMap<>(AlertKind.class);
        for (Map.Entry<AlertKind, OpenAlert> e : openAlerts.entries()) {
            opens.put(e.getKey(), e.getValue());
        }
        return opens;
    }

    private Map<Long, RunInfo> nodes() throws Exception {
        Map<Long, RunInfo> nodes = new HashMap<>();
        for (Map.Entry<Long, RunInfo> e : keyPath.entries()) {
            nodes.put(e.getKey(), e.getValue());
        }
        return nodes;
    }
}
