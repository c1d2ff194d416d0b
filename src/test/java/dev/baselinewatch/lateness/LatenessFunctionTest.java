package dev.baselinewatch.lateness;

import static dev.baselinewatch.lateness.LatenessHarness.EXP;
import static dev.baselinewatch.lateness.LatenessHarness.KEY;
import static dev.baselinewatch.lateness.LatenessHarness.MIDNIGHT;
import static dev.baselinewatch.lateness.LatenessHarness.MINUTE;
import static dev.baselinewatch.lateness.LatenessHarness.SLA;
import static dev.baselinewatch.lateness.LatenessHarness.ZONE;
import static dev.baselinewatch.lateness.LatenessHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.alert.Severity;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.TopicInfo;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatenessFunctionTest {

    // The instance of LatenessHarness: 1002, business date 2026-12-02, run day 2026-12-03 in +08:00,
    // committed (SLA) 05:00, alert time (EXP) 04:30.
    private static final Duration RETENTION = Duration.ofHours(1);

    private KeyedOneInputStreamOperatorTestHarness<String, BaselineEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                // No reminders here: these tests are about when and why alerts open and resolve.
                new KeyedProcessOperator<>(new LatenessFunction(AlertPolicy.defaults(ZONE).withGracePeriod(RETENTION)
                        .withRepeats(Duration.ofMinutes(30), 0))), BaselineEvent::instanceKeyText, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void alertsAtAlertTimeAndCommittedTimeWhenNothingEverStarted() throws Exception {
        send(status("SAFE", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT);

        harness.processWatermark(EXP - 1);
        assertThat(alerts()).isEmpty();

        harness.processWatermark(EXP);
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.BASELINE_AT_RISK);
            assertThat(a.state).isEqualTo(AlertState.FIRING);
            assertThat(a.alertId).isEqualTo("1002:2026-12-02:1:BASELINE_AT_RISK");
            assertThat(a.reason).isEqualTo("alert time passed, not finished");
            assertThat(a.committedTime).isEqualTo("2026-12-03T05:00+08:00");
        });

        harness.processWatermark(SLA);
        List<Alert> all = alerts();
        assertThat(all).hasSize(2);
        Alert late = all.get(1);
        assertThat(late.kind).isEqualTo(AlertKind.BASELINE_LATE);
        assertThat(late.state).isEqualTo(AlertState.FIRING);
        assertThat(late.severity).isEqualTo(Severity.CRITICAL);
        assertThat(late.latenessSeconds).isGreaterThanOrEqualTo(0);
    }

    @Test
    void namesTheNeverStartedFirstNodeAsCulpritOnceTheKeyPathArrives() throws Exception {
        send(status("DANGEROUS", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT + 100 * MINUTE);
        send(run(0, 3, 11, "NOT_RUN", null, null, MIDNIGHT + 60 * MINUTE, MIDNIGHT + 120 * MINUTE), MIDNIGHT + 130 * MINUTE);
        send(run(1, 3, 12, "NOT_RUN", null, null, MIDNIGHT + 120 * MINUTE, MIDNIGHT + 160 * MINUTE), MIDNIGHT + 130 * MINUTE);
        send(run(2, 3, 13, "NOT_RUN", null, null, MIDNIGHT + 160 * MINUTE, MIDNIGHT + 200 * MINUTE), MIDNIGHT + 130 * MINUTE);
        harness.processWatermark(SLA);

        List<Alert> all = alerts();
        Alert lastAtRisk = all.stream().filter(a -> a.kind == AlertKind.BASELINE_AT_RISK).reduce((a, b) -> b).orElseThrow();
        Alert late = all.stream().filter(a -> a.kind == AlertKind.BASELINE_LATE).findFirst().orElseThrow();
        assertThat(lastAtRisk.culprit.nodeInstanceId).isEqualTo(11);
        assertThat(late.culprit.nodeInstanceId).isEqualTo(11);
        assertThat(late.culprit.slipSeconds).isEqualTo((SLA + 60 * MINUTE - (MIDNIGHT + 120 * MINUTE)) / 1000);
    }

    @Test
    void finishedInTimeRaisesNoAlertAndForgetsTheInstance() throws Exception {
        send(status("SAFE", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT);
        send(status("SAFE", MIDNIGHT + 200 * MINUTE, true, MIDNIGHT + 190 * MINUTE), MIDNIGHT + 191 * MINUTE);
        harness.processWatermark(SLA + 1);
        assertThat(alerts()).isEmpty();

        harness.processWatermark(MIDNIGHT + 191 * MINUTE + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void slowNodeIsTheCulpritAndAlertsResolveWhenTheInstanceFinishes() throws Exception {
        long t = MIDNIGHT + 150 * MINUTE;
        send(run(0, 3, 21, "SUCCESS", MIDNIGHT + 60 * MINUTE, MIDNIGHT + 120 * MINUTE, MIDNIGHT + 60 * MINUTE, MIDNIGHT + 120 * MINUTE), t);
        // Expected 40 minutes, running since 02:00 and now 02:30: projected well past its forecast.
        send(run(1, 3, 22, "RUNNING", MIDNIGHT + 120 * MINUTE, null, MIDNIGHT + 120 * MINUTE, MIDNIGHT + 160 * MINUTE), t);
        send(run(2, 3, 23, "NOT_RUN", null, null, MIDNIGHT + 160 * MINUTE, MIDNIGHT + 260 * MINUTE), t);
        // DataWorks still forecasts 04:20, but the running node was seen at 04:10 with 100 more minutes to go.
        send(status("DANGEROUS", MIDNIGHT + 260 * MINUTE, false, null), t);
        send(run(1, 3, 22, "RUNNING", MIDNIGHT + 120 * MINUTE, null, MIDNIGHT + 120 * MINUTE, MIDNIGHT + 160 * MINUTE),
                MIDNIGHT + 250 * MINUTE);

        Alert atRisk = alerts().stream().filter(a -> a.kind == AlertKind.BASELINE_AT_RISK).reduce((a, b) -> b).orElseThrow();
        assertThat(atRisk.state).isEqualTo(AlertState.FIRING);
        assertThat(atRisk.culprit.nodeInstanceId).isEqualTo(22);
        assertThat(atRisk.culprit.nodeName).isEqualTo("node-22");
        assertThat(atRisk.culprit.status).isEqualTo("RUNNING");

        harness.processWatermark(SLA);
        long finish = SLA + 20 * MINUTE;
        send(status("OVER", finish, true, finish), finish + MINUTE);

        List<Alert> resolved = alerts().stream().filter(a -> a.state == AlertState.RESOLVED).toList();
        assertThat(resolved).extracting(a -> a.kind)
                .containsExactlyInAnyOrder(AlertKind.BASELINE_AT_RISK, AlertKind.BASELINE_LATE, AlertKind.NODE_SLOW);
        assertThat(resolved).allSatisfy(a -> assertThat(a.latenessSeconds).isEqualTo(20 * 60));

        harness.processWatermark(finish + MINUTE + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aStatusAnsweredBeforeAFresherKeyPathDoesNotTakeTheJudgementBackInTime() throws Exception {
        long node2Cast = MIDNIGHT + 160 * MINUTE;
        send(status("DANGEROUS", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT + 240 * MINUTE);
        // 04:25: the first node still runs, so the second ends 05:05, after the committed time.
        send(run(0, 2, 31, "RUNNING", MIDNIGHT + 120 * MINUTE, null, MIDNIGHT + 120 * MINUTE, node2Cast), MIDNIGHT + 265 * MINUTE);
        send(run(1, 2, 32, "NOT_RUN", null, null, node2Cast, MIDNIGHT + 200 * MINUTE), MIDNIGHT + 265 * MINUTE);
        // The status of the same poll, answered at 04:15 before a retried key-path call, arrives last.
        send(status("DANGEROUS", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT + 255 * MINUTE);

        assertThat(alerts()).filteredOn(a -> a.kind == AlertKind.BASELINE_AT_RISK || a.kind == AlertKind.BASELINE_LATE)
                .extracting(a -> a.kind + " " + a.state + " #" + a.sequence)
                .containsExactly("BASELINE_AT_RISK FIRING #1");
    }

    @Test
    void aReopenedAlertContinuesItsSequenceSoConsumersNeverSeeAnIdTwice() throws Exception {
        send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), MIDNIGHT + 60 * MINUTE);
        send(status("SAFE", SLA - 60 * MINUTE, false, null), MIDNIGHT + 90 * MINUTE);
        send(status("DANGEROUS", SLA + 10 * MINUTE, false, null), MIDNIGHT + 120 * MINUTE);

        List<Alert> all = alerts();
        assertThat(all).extracting(a -> a.alertId).containsOnly("1002:2026-12-02:1:BASELINE_AT_RISK");
        assertThat(all).extracting(a -> a.state + " #" + a.sequence).containsExactly("FIRING #1", "RESOLVED #2", "FIRING #3");
        assertThat(all.get(2).firstSeen).isEqualTo("2026-12-03T02:00+08:00");
    }

    @Test
    void aLateFinishSeenOnlyAfterTheCommittedTimeStillSaysItWasLate() throws Exception {
        send(status("SAFE", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT + 200 * MINUTE);
        // The job saw nothing between 03:20 and 05:20 (DataWorks unreachable); by then it had finished, late.
        send(status("OVER", SLA + 10 * MINUTE, true, SLA + 10 * MINUTE), SLA + 20 * MINUTE);
        harness.processWatermark(SLA + 20 * MINUTE);

        assertThat(alerts()).extracting(a -> a.kind + " " + a.state + " #" + a.sequence)
                .containsExactly("BASELINE_LATE FIRING #1", "BASELINE_LATE RESOLVED #2");
        assertThat(alerts().get(0).latenessSeconds).isEqualTo(10 * 60);

        harness.processWatermark(SLA + 20 * MINUTE + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void forwardsDataWorksEventsWithTheBaselineTheyHit() throws Exception {
        send(status("SAFE", MIDNIGHT + 200 * MINUTE, false, null), MIDNIGHT);
        BaselineEvent topic = event(EventType.TOPIC, MIDNIGHT + 10 * MINUTE);
        topic.topic = new TopicInfo();
        topic.topic.topicId = 77;
        topic.topic.topicName = "dwd_payments出错";
        topic.topic.nodeInstanceId = 22;
        send(topic, MIDNIGHT + 10 * MINUTE);

        List<ForwardedEvent> forwarded = harness.getSideOutput(LatenessFunction.FORWARDED_EVENTS).stream()
                .map(StreamRecord::getValue).toList();
        assertThat(forwarded).singleElement().satisfies(f -> {
            assertThat(f.topicId).isEqualTo(77);
            assertThat(f.instance).isEqualTo("1002:2026-12-02:1");
            assertThat(f.baseline.name).isEqualTo("payments_daily");
            assertThat(f.baseline.priority).isEqualTo(8);
        });
    }

    @Test
    void theFunctionsShipToTheClusterWithTheirPolicy() throws Exception {
        AlertPolicy policy = AlertPolicy.defaults(ZONE).withSilences(List.of(new Silence(java.util.Set.of(1L), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(AlertKind.NODE_SLOW), null, java.time.Instant.EPOCH, "why")));
        assertThat(org.apache.flink.util.InstantiationUtil.clone(new LatenessFunction(policy))).isNotNull();
        assertThat(org.apache.flink.util.InstantiationUtil.clone(new WindowAssigner(policy))).isNotNull();
        assertThat(org.apache.flink.util.InstantiationUtil.clone(new LatenessWindowFunction(ZONE))).isNotNull();
    }

    private void send(BaselineEvent event, long time) throws Exception {
        event.observedAt = time;
        harness.processElement(event, time);
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private static BaselineEvent event(EventType type, long at) {
        BaselineEvent event = BaselineEvent.of(KEY, at, "req-" + at);
        event.type = type;
        return event;
    }

    private static BaselineEvent run(int position, int length, long instanceId, String status, Long begin, Long finish,
            long beginCast, long endCast) {
        BaselineEvent event = event(EventType.RUN, 0);
        RunInfo r = new RunInfo();
        r.nodeId = instanceId * 10;
        r.nodeInstanceId = instanceId;
        r.nodeName = "node-" + instanceId;
        r.owner = "owner-" + instanceId;
        r.position = position;
        r.pathLength = length;
        r.runStatus = status;
        r.beginRunningTime = begin;
        r.finishTime = finish;
        r.beginCast = beginCast;
        r.endCast = endCast;
        event.run = r;
        return event;
    }
}
