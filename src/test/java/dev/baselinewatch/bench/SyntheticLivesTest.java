package dev.baselinewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.lateness.AlertPolicy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' workload does what they claim: late instances open, and resolve, the alerts a
 * late baseline gets; on-time ones get none; every instance is forgotten after its grace period, and
 * the lateness function's instance counters say so.
 */
class SyntheticLivesTest {

    private static final AlertPolicy POLICY = AlertPolicy.defaults(ZoneOffset.ofHours(8)).withGracePeriod(Duration.ofMinutes(30));

    @Test
    void everyInstanceGetsItsEventsInOrderOfTime() {
        SyntheticLives lives = new SyntheticLives(50, 1000, 10);
        long events = 3L * 50 * SyntheticLives.EVENTS_PER_LIFE;
        Set<Long> instances = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (long seq = 0; seq < events; seq++) {
            BaselineEvent event = lives.event(seq);
            assertThat(event.observedAt).isGreaterThan(previous);
            previous = event.observedAt;
            instances.add(event.baselineId);
        }
        assertThat(instances).hasSize(150);
        long lastOfFirst = LongStream.range(0, events).filter(s -> lives.instanceOf(s) == 0).max().orElseThrow();
        assertThat(lives.event(lastOfFirst).status.finished).isTrue();
        assertThat(lives.event(0).type).isEqualTo(EventType.STATUS);
    }

    @Test
    void lateInstancesAlertAndResolveOnTimeOnesStayQuietAndAllAreForgotten() throws Exception {
        SyntheticLives lives = new SyntheticLives(100, 60_000, 10);
        long lateCount = LongStream.range(0, 200).filter(lives::late).count();
        assertThat(lateCount).isBetween(10L, 35L);
        try (LatenessUnderTest lateness = new LatenessUnderTest(POLICY)) {
            List<Alert> alerts = new java.util.ArrayList<>();
            long events = 2L * 100 * SyntheticLives.EVENTS_PER_LIFE;
            for (long seq = 0; seq < events; seq++) {
                BaselineEvent event = lives.event(seq);
                lateness.harness.processElement(event, event.observedAt);
                lateness.harness.processWatermark(event.observedAt);
            }
            assertThat(lateness.instancesOpened()).isEqualTo(200);
            assertThat(lateness.liveInstances()).as("the first lives are forgotten while the second go on").isBetween(1L, 199L);
            lateness.harness.processWatermark(lives.timeOf(events) + Duration.ofHours(1).toMillis());
            lateness.harness.getOutput().forEach(o -> {
                if (o instanceof StreamRecord<?> r) {
                    alerts.add((Alert) r.getValue());
                }
            });

            Set<String> lateWithLateAlert = new HashSet<>();
            for (Alert alert : alerts) {
                long instance = Long.parseLong(alert.instance.split(":")[0]) - 100_000;
                assertThat(lives.late(instance)).as("alert for on-time instance %s: %s", instance, alert.kind).isTrue();
                if (alert.kind == AlertKind.BASELINE_LATE && alert.state == AlertState.RESOLVED) {
                    lateWithLateAlert.add(alert.instance);
                }
            }
            assertThat(lateWithLateAlert).hasSize((int) lateCount);
            assertThat(alerts).extracting(a -> a.kind).contains(AlertKind.BASELINE_AT_RISK, AlertKind.EVENT_OPENED);
            assertThat(lateness.instancesOpened()).isEqualTo(200);
            assertThat(lateness.instancesForgotten()).isEqualTo(200);
            assertThat(lateness.harness.numKeyedStateEntries()).isZero();
            assertThat(lateness.harness.numEventTimeTimers()).isZero();
        }
    }
}
