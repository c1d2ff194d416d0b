package dev.baselinewatch.lateness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.event.AbsentInfo;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.BaselineInfo;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.PollHealth;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The lateness function in Flink's keyed operator harness, with hand-made source events for one
 * baseline instance: business date 2026-12-02, run day 2026-12-03 in +08:00, committed 05:00,
 * alert time 04:30, priority 8. Times are minutes after the run day's midnight.
 */
final class LatenessHarness implements AutoCloseable {

    static final ZoneId ZONE = ZoneOffset.ofHours(8);
    static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    static final InstanceKey KEY = new InstanceKey(1002, BIZDATE, 1);
    static final long MIDNIGHT = LocalDate.of(2026, 12, 3).atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final long MINUTE = 60_000;
    static final long SLA = at(300);
    static final long EXP = at(270);
    static final Duration GRACE = Duration.ofHours(1);

    final AlertPolicy policy;
    final KeyedOneInputStreamOperatorTestHarness<String, BaselineEvent, Alert> harness;
    private long checkpointId;
    /** What the harnesses before the last restart published: a consumer sees them all. */
    private final List<Alert> earlierAlerts = new java.util.ArrayList<>();
    private final List<ForwardedEvent> earlierForwarded = new java.util.ArrayList<>();
    private final List<InstanceOutcome> earlierOutcomes = new java.util.ArrayList<>();

    LatenessHarness(AlertPolicy policy) throws Exception {
        this(policy, null);
    }

    private LatenessHarness(AlertPolicy policy, OperatorSubtaskState restoreFrom) throws Exception {
        this.policy = policy;
        this.harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new LatenessFunction(policy)), BaselineEvent::instanceKeyText, Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
    }

    static AlertPolicy defaults() {
        return AlertPolicy.defaults(ZONE).withGracePeriod(GRACE);
    }

    static long at(long minutesAfterMidnight) {
        return MIDNIGHT + minutesAfterMidnight * MINUTE;
    }

    /**
     * Takes a snapshot, closes this harness and returns a new one restored from it, as after a
     * failure; what was published before stays in {@link #alerts()}, as a consumer keeps it.
     */
    LatenessHarness restart() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(++checkpointId, checkpointId);
        LatenessHarness restored = new LatenessHarness(policy, snapshot);
        restored.checkpointId = checkpointId;
        restored.earlierAlerts.addAll(alerts());
        restored.earlierForwarded.addAll(forwarded());
        restored.earlierOutcomes.addAll(outcomes());
        harness.close();
        return restored;
    }

    LatenessHarness send(BaselineEvent event, long time) throws Exception {
        event.observedAt = time;
        harness.processElement(event, time);
        return this;
    }

    LatenessHarness watermark(long time) throws Exception {
        harness.processWatermark(time);
        return this;
    }

    List<Alert> alerts() {
        List<Alert> all = new java.util.ArrayList<>(earlierAlerts);
        all.addAll(harness.extractOutputValues());
        return all;
    }

    /** Every published record as "KIND STATE #sequence". */
    List<String> log() {
        return alerts().stream().map(a -> a.kind + " " + a.state + " #" + a.sequence).toList();
    }

    List<ForwardedEvent> forwarded() {
        java.util.Collection<StreamRecord<ForwardedEvent>> out = harness.getSideOutput(LatenessFunction.FORWARDED_EVENTS);
        List<ForwardedEvent> all = new java.util.ArrayList<>(earlierForwarded);
        if (out != null) {
            out.forEach(r -> all.add(r.getValue()));
        }
        return all;
    }

    List<InstanceOutcome> outcomes() {
        java.util.Collection<StreamRecord<InstanceOutcome>> out = harness.getSideOutput(LatenessFunction.OUTCOMES);
        List<InstanceOutcome> all = new java.util.ArrayList<>(earlierOutcomes);
        if (out != null) {
            out.forEach(r -> all.add(r.getValue()));
        }
        return all;
    }

    void assertForgotten() {
        assertThat(harness.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(harness.numEventTimeTimers()).as("event-time timers").isZero();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    // --- hand-made source events ---

    static BaselineEvent event(InstanceKey key, EventType type) {
        BaselineEvent event = BaselineEvent.of(key, 0, "req-" + type);
        event.type = type;
        return event;
    }

    static BaselineEvent status(String status, long endCast, boolean finished, Long finishTime) {
        return status(KEY, status, endCast, finished, finishTime);
    }

    static BaselineEvent status(InstanceKey key, String status, long endCast, boolean finished, Long finishTime) {
        BaselineEvent event = event(key, EventType.STATUS);
        StatusInfo s = new StatusInfo();
        s.baselineName = "payments_daily";
        s.projectId = 10L;
        s.owner = "9527002";
        s.priority = 8;
        s.slaTime = SLA + (key.bizdate().toEpochDay() - BIZDATE.toEpochDay()) * 24 * 60 * MINUTE;
        s.expTime = s.slaTime - 30 * MINUTE;
        s.endCast = endCast;
        s.status = status;
        s.finished = finished;
        s.finishTime = finishTime;
        event.status = s;
        return event;
    }

    /** An unfinished instance DataWorks forecasts to finish at 03:20, well in time. */
    static BaselineEvent safe() {
        return status("SAFE", at(200), false, null);
    }

    static BaselineEvent finished(long finishTime) {
        return status(finishTime > SLA ? "OVER" : "SAFE", finishTime, true, finishTime);
    }

    static BaselineEvent run(int position, long instanceId, String status, Long begin, Long finish, long beginCast, long endCast) {
        BaselineEvent event = event(KEY, EventType.RUN);
        RunInfo r = new RunInfo();
        r.nodeId = instanceId * 10;
        r.nodeInstanceId = instanceId;
        r.nodeName = "node-" + instanceId;
        r.owner = "owner-" + instanceId;
        r.position = position;
        r.pathLength = 3;
        r.runCount = 1;
        r.cycle = 1;
        r.runStatus = status;
        r.beginRunningTime = begin;
        r.finishTime = finish;
        r.beginCast = beginCast;
        r.endCast = endCast;
        event.run = r;
        return event;
    }

    static BaselineEvent topic(InstanceKey key, long topicId, long nodeInstanceId, String type, String status) {
        BaselineEvent event = event(key, EventType.TOPIC);
        TopicInfo t = new TopicInfo();
        t.topicId = topicId;
        t.topicName = "node-" + nodeInstanceId + ("ERROR".equals(type) ? "出错" : "变慢");
        t.nodeInstanceId = nodeInstanceId;
        t.nodeName = "node-" + nodeInstanceId;
        t.addTime = at(60);
        t.type = type;
        t.status = status;
        event.topic = t;
        return event;
    }

    static BaselineInfo info() {
        BaselineInfo info = new BaselineInfo();
        info.name = "payments_daily";
        info.projectId = 10L;
        info.owner = "9527002";
        info.priority = 8;
        info.type = "DAILY";
        info.alertMarginMinutes = 30;
        return info;
    }

    static BaselineEvent blind(boolean blind, Long lastAnsweredAt) {
        BaselineEvent event = event(KEY, EventType.POLL_HEALTH);
        PollHealth h = new PollHealth();
        h.blind = blind;
        h.reason = blind ? "THROTTLED" : null;
        h.lastAnsweredAt = lastAnsweredAt;
        h.allowedMillis = 15 * MINUTE;
        event.health = h;
        event.baselineInfo = info();
        return event;
    }

    static BaselineEvent absent() {
        BaselineEvent event = event(KEY, EventType.ABSENT);
        AbsentInfo a = new AbsentInfo();
        a.expectedCommittedAt = SLA;
        a.expectedAlertAt = EXP;
        event.absent = a;
        event.baselineInfo = info();
        return event;
    }
}
