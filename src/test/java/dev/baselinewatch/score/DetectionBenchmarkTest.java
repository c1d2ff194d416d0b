package dev.baselinewatch.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.simulator.Fate;
import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detection benchmark's arithmetic: deadline to first delivery, per instance, in wall time. */
class DetectionBenchmarkTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final Instant FOUR = Instant.parse("2026-12-02T20:00:00Z");

    @Test
    void countsFromEachDeadlineToTheFirstDeliveredAlertInWallTime() {
        List<InstanceTruth> truth = List.of(
                instance(1, null, true),       // never finishes: late at 04:00, at risk from 03:30
                instance(2, 20, true),         // finishes 04:20: late and at risk
                instance(3, -40, true),        // finishes before its alert time: in neither
                instance(4, null, false),      // committed outside the clock: not judged
                instance(5, 10, true));        // late, but never alerted
        List<AlertRecord> alerts = List.of(
                record(1, AlertRecord.LATE, "FIRING", 12),       // 12 DataWorks minutes after 04:00
                record(1, AlertRecord.LATE, "FIRING", 2),        // a second record delivered earlier: the first counts
                record(1, AlertRecord.AT_RISK, "FIRING", -40),   // flagged 10 minutes before the alert time
                record(2, AlertRecord.LATE, "RESOLVED", 1),      // a resolve is not an alert
                record(2, AlertRecord.LATE, "FIRING", 6),
                record(2, AlertRecord.AT_RISK, "FIRING", -24));

        // At 600x one DataWorks minute is 100 wall milliseconds.
        DetectionBenchmark.Latencies latencies = DetectionBenchmark.latencies("ours", alerts, truth, 600);

        assertThat(latencies.lateMillis()).containsExactlyInAnyOrder(200L, 600L);
        assertThat(latencies.lateNotAlerted()).isEqualTo(1);
        assertThat(latencies.atRiskMillis()).containsExactlyInAnyOrder(-1000L, 600L);
        assertThat(DetectionBenchmark.percentile(latencies.lateMillis(), 99)).isEqualTo(600L);
        assertThat(DetectionBenchmark.percentile(List.of(), 50)).isNull();
    }

    /** Committed at 04:00 (20:00 UTC), alert time 03:30; {@code finish} minutes after 04:00, null = never. */
    private static InstanceTruth instance(long id, Integer finish, boolean withinClock) {
        Instant finishAt = finish == null ? null : FOUR.plusSeconds(60L * finish);
        boolean missed = finishAt == null || finishAt.isAfter(FOUR);
        return new InstanceTruth(id, DAY, 1, 5, 10, Fate.ON_TIME, FOUR, FOUR.minusSeconds(1800), finishAt, missed,
                finishAt != null && !finishAt.isAfter(FOUR.minusSeconds(1800)), missed ? FOUR : null, withinClock);
    }

    private static AlertRecord record(long id, String kind, String state, int deliveredMinutesAfterFour) {
        Instant delivered = FOUR.plusSeconds(60L * deliveredMinutesAfterFour);
        return new AlertRecord(id + ":" + DAY + ":1:" + kind, kind, state, 1, id, DAY, 1, delivered, delivered);
    }
}
