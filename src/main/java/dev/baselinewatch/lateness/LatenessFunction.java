package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.alert.Severity;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lateness of one baseline instance, keyed by {@code baselineId:bizdate:inGroupId}. Judged on
 * event time, which is DataWorks time: timers at the alert and committed times fire from the
 * source's watermark, so an instance whose nodes never start still alerts with no new data.
 * Opens, updates and resolves {@link AlertKind#BASELINE_AT_RISK} and {@link AlertKind#BASELINE_LATE}.
 */
public class LatenessFunction extends KeyedProcessFunction<String, BaselineEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /** DataWorks events, enriched with the baseline they hit, for the events topic. */
    public static final OutputTag<ForwardedEvent> FORWARDED_EVENTS = new OutputTag<>("dataworks-events") {};

    private final AlertFactory alerts;
    private final long retentionAfterFinishMillis;

    private transient ValueState<InstanceState> instance;
    private transient MapState<Long, RunInfo> keyPath;
    private transient MapState<AlertKind, OpenAlert> openAlerts;

    public LatenessFunction(ZoneId projectZone, Duration retentionAfterFinish) {
        this.alerts = new AlertFactory(projectZone);
        this.retentionAfterFinishMillis = retentionAfterFinish.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        instance = getRuntimeContext().getState(new ValueStateDescriptor<>("instance-v1", InstanceState.class));
        keyPath = getRuntimeContext().getMapState(new MapStateDescriptor<>("key-path-v1", Long.class, RunInfo.class));
        openAlerts = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-alerts-v1", AlertKind.class, OpenAlert.class));
    }

    @Override
    public void processElement(BaselineEvent event, Context ctx, Collector<Alert> out) throws Exception {
        InstanceState state = instance.value();
        if (state == null) {
            state = new InstanceState();
        }
        state.lastRequestId = event.requestId;
        switch (event.type) {
            case STATUS -> {
                state.status = event.status;
                registerDeadlines(event.status, ctx);
            }
            case RUN -> keyPath.put(event.run.nodeInstanceId, event.run);
            case TOPIC -> ctx.output(FORWARDED_EVENTS, EventForwarding.enrich(event, state.status, alerts));
        }
        evaluate(event.instanceKey(), state, Math.max(event.observedAt, ctx.timerService().currentWatermark()), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        InstanceState state = instance.value();
        if (state == null) {
            return;
        }
        if (state.cleanupAt != 0 && timestamp >= state.cleanupAt) {
            clear();
            return;
        }
        evaluate(InstanceKey.parse(ctx.getCurrentKey()), state, timestamp, ctx, out);
    }

    private void registerDeadlines(StatusInfo status, Context ctx) {
        // Registering the same timestamp twice is a no-op in Flink, so every status may re-register.
        if (status.expTime != null) {
            ctx.timerService().registerEventTimeTimer(status.expTime);
        }
        if (status.slaTime != null) {
            ctx.timerService().registerEventTimeTimer(status.slaTime);
        }
    }

    private void evaluate(InstanceKey key, InstanceState state, long eventNow, Context ctx, Collector<Alert> out)
            throws Exception {
        // An answer that arrives after a later one (a retried call) must not take the judgement back in time.
        long now = Math.max(eventNow, state.judgedAt);
        state.judgedAt = now;
        instance.update(state);
        StatusInfo status = state.status;
        if (status == null) {
            return;
        }
        Projection projection = Projection.of(status, runs(), now);
        if (status.finished) {
            if (finishedLateUnseen(status)) {
                // The committed time passed while the job could not see the instance: say it was late, then that it is over.
                fire(key, AlertKind.BASELINE_LATE, state, projection, now, "finished after the committed time", out);
            }
            for (OpenAlert open : snapshotOpenAlerts()) {
                open.sequence++;
                open.lastUpdated = now;
                open.resolved = true;
                out.collect(alerts.build(key, open, AlertState.RESOLVED, state, projection, "finished"));
                openAlerts.put(open.kind, open);
            }
            scheduleCleanup(state, now, ctx);
            return;
        }
        boolean late = status.slaTime != null && now >= status.slaTime;
        boolean projectedLate = status.slaTime != null && projection.projectedFinish() > status.slaTime;
        boolean alertTimePassed = status.expTime != null && now >= status.expTime;
        if (late) {
            fire(key, AlertKind.BASELINE_LATE, state, projection, now, "committed time passed, not finished", out);
        }
        if (projectedLate || alertTimePassed) {
            String reason = projectedLate ? "projected finish is after the committed time" : "alert time passed, not finished";
            fire(key, AlertKind.BASELINE_AT_RISK, state, projection, now, reason, out);
        } else {
            resolve(key, AlertKind.BASELINE_AT_RISK, state, projection, now, "projected finish is back within the committed time", out);
        }
    }

    private void fire(InstanceKey key, AlertKind kind, InstanceState state, Projection projection, long now, String reason,
            Collector<Alert> out) throws Exception {
        OpenAlert open = openAlerts.get(kind);
        Severity severity = Severity.of(kind, state.status.priority);
        long culpritId = projection.culprit() == null ? 0 : projection.culprit().nodeInstanceId;
        if (open != null && !open.resolved && open.severity == severity && open.culpritNodeInstanceId == culpritId) {
            return;
        }
        if (open == null) {
            open = new OpenAlert();
            open.kind = kind;
        }
        if (open.sequence == 0 || open.resolved) {
            open.firstSeen = now;
            open.resolved = false;
        }
        open.severity = severity;
        open.culpritNodeInstanceId = culpritId;
        open.sequence++;
        open.lastUpdated = now;
        openAlerts.put(kind, open);
        out.collect(alerts.build(key, open, AlertState.FIRING, state, projection, reason));
    }

    private void resolve(InstanceKey key, AlertKind kind, InstanceState state, Projection projection, long now, String reason,
            Collector<Alert> out) throws Exception {
        OpenAlert open = openAlerts.get(kind);
        if (open == null || open.resolved) {
            return;
        }
        open.sequence++;
        open.lastUpdated = now;
        open.resolved = true;
        out.collect(alerts.build(key, open, AlertState.RESOLVED, state, projection, reason));
        openAlerts.put(kind, open);
    }

    private boolean finishedLateUnseen(StatusInfo status) throws Exception {
        return status.finishTime != null && status.slaTime != null && status.finishTime > status.slaTime
                && openAlerts.get(AlertKind.BASELINE_LATE) == null;
    }

    private void scheduleCleanup(InstanceState state, long now, Context ctx) throws Exception {
        if (state.cleanupAt == 0) {
            state.cleanupAt = now + retentionAfterFinishMillis;
            instance.update(state);
            ctx.timerService().registerEventTimeTimer(state.cleanupAt);
        }
    }

    private void clear() {
        instance.clear();
        keyPath.clear();
        openAlerts.clear();
    }

    private List<RunInfo> runs() throws Exception {
        List<RunInfo> runs = new ArrayList<>();
        keyPath.values().forEach(runs::add);
        return runs;
    }

    /** The alerts firing now (resolved ones are kept only for their sequence). */
    private List<OpenAlert> snapshotOpenAlerts() throws Exception {
        List<OpenAlert> open = new ArrayList<>();
        openAlerts.values().forEach(alert -> {
            if (!alert.resolved) {
                open.add(alert);
            }
        });
        return open;
    }
}
