package dev.baselinewatch.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.simulator.Fate;
import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");
    /** 04:00 on the run day, +08:00. */
    private static final Instant FOUR = Instant.parse("2026-12-02T20:00:00Z");

    private static Instant at(int minutesAfterFour) {
        return FOUR.plusSeconds(60L * minutesAfterFour);
    }

    /** Committed at 04:00, alert time 03:30; {@code finish} null = never; visible from {@code visible} when missed. */
    private static InstanceTruth truth(long id, Fate fate, Integer finish, Integer visible, boolean withinClock) {
        Instant committed = at(0);
        Instant alertAt = at(-30);
        Instant finishAt = finish == null ? null : at(finish);
        boolean missed = finishAt == null || finishAt.isAfter(committed);
        return new InstanceTruth(id, DAY, 1, 5, 10, fate, committed, alertAt, finishAt, missed,
                finishAt != null && !finishAt.isAfter(alertAt), missed ? at(visible) : null, withinClock);
    }

    private static AlertRecord alert(long id, String kind, String state, int sequence, int firstSeen) {
        return alert(id, kind, state, sequence, firstSeen, null);
    }

    private static AlertRecord alert(long id, String kind, String state, int sequence, int firstSeen, Integer delivered) {
        return new AlertRecord(id + ":" + DAY + ":1:" + kind, kind, state, sequence, id, DAY, 1, at(firstSeen),
                delivered == null ? null : at(delivered));
    }

    private final List<InstanceTruth> truth = List.of(
            truth(1, Fate.ON_TIME, -60, null, true),          // finished with margin, never alerted: fine
            truth(2, Fate.SLOW_NODE, 30, -90, true),           // missed, alerted 60 min before committed
            truth(3, Fate.NEVER_STARTS, null, -120, true),     // missed, alerted 30 min before committed
            truth(4, Fate.SLOW_NODE, 20, -40, true),           // missed, alerted only 5 min after committed
            truth(5, Fate.FAILED_RERUN, 45, -20, true),        // missed, never alerted
            truth(6, Fate.TIGHT, -10, null, true),             // between alert and committed time: alerted, not wrong
            truth(7, Fate.ON_TIME, -50, null, true),           // finished with margin, yet alerted: a false alarm
            truth(8, Fate.NEVER_STARTS, null, -30, false));    // committed outside the clock: not judged

    @Test
    void recallCountsMissedInstancesAlertedAtOrBeforeTheirCommittedTime() {
        List<AlertRecord> alerts = List.of(
                alert(2, "BASELINE_AT_RISK", "FIRING", 1, -60),
                alert(3, "BASELINE_AT_RISK", "FIRING", 1, -30),
                alert(3, "BASELINE_LATE", "FIRING", 1, 0),
                alert(4, "BASELINE_LATE", "FIRING", 1, 5),
                alert(6, "BASELINE_AT_RISK", "FIRING", 1, -25),
                alert(7, "BASELINE_AT_RISK", "FIRING", 1, -55),
                alert(8, "BASELINE_LATE", "FIRING", 1, 0));

        Score score = Scorecard.score(alerts, truth);

        assertThat(score.judged()).isEqualTo(7);
        assertThat(score.notJudged()).isEqualTo(1);
        assertThat(score.alertedNotJudged()).isEqualTo(1);
        assertThat(score.missed()).isEqualTo(4);
        assertThat(score.caughtInTime()).isEqualTo(2);
        assertThat(score.caughtLate()).isEqualTo(1);
        assertThat(score.notCaught()).isEqualTo(1);
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.notCaughtInstances()).containsExactly("5:2026-12-02:1 FAILED_RERUN");
        assertThat(score.caughtLateInstances()).containsExactly("4:2026-12-02:1 SLOW_NODE");
    }

    @Test
    void precisionCountsOnlyAlertsForInstancesThatFinishedWithMarginAsWrong() {
        List<AlertRecord> alerts = List.of(
                alert(2, "BASELINE_AT_RISK", "FIRING", 1, -60),
                alert(6, "BASELINE_AT_RISK", "FIRING", 1, -25),
                alert(7, "BASELINE_AT_RISK", "FIRING", 1, -55),
                alert(7, "BASELINE_AT_RISK", "RESOLVED", 2, -55));

        Score score = Scorecard.score(alerts, truth);

        // Alerted: 2 (missed), 6 (tight: alert time passed, finished in time), 7 (finished with margin).
        assertThat(score.alerted()).isEqualTo(3);
        assertThat(score.falseAlarms()).isEqualTo(1);
        assertThat(score.precision()).isEqualTo(2.0 / 3);
        assertThat(score.falseAlarmInstances()).containsExactly("7:2026-12-02:1 ON_TIME");
        assertThat(score.finishedWithMargin()).isEqualTo(2);
    }

    @Test
    void alertsForInstancesTheScenarioDoesNotHaveAreFalseAlarms() {
        AlertRecord stranger = new AlertRecord("99:2026-12-02:1:BASELINE_LATE", "BASELINE_LATE", "FIRING", 1, 99, DAY, 1, at(0), null);

        Score score = Scorecard.score(List.of(alert(2, "BASELINE_AT_RISK", "FIRING", 1, -60), stranger), truth);

        assertThat(score.alerted()).isEqualTo(2);
        assertThat(score.unknownInstances()).isEqualTo(1);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.unknownAlertedInstances()).containsExactly("99:2026-12-02:1");
    }

    @Test
    void leadTimeRunsFromTheFirstFiringAlertOfEitherKindToTheCommittedTime() {
        List<AlertRecord> alerts = List.of(
                // A LATE record received before the AT_RISK one still is not the first alert: firstSeen decides.
                alert(3, "BASELINE_LATE", "FIRING", 1, 0, 2),
                alert(3, "BASELINE_AT_RISK", "FIRING", 1, -30, -20),
                // Reopened after a resolve: its firstSeen moved on; the earliest one counts.
                alert(2, "BASELINE_AT_RISK", "FIRING", 1, -60, -58),
                alert(2, "BASELINE_AT_RISK", "RESOLVED", 2, -60, -50),
                alert(2, "BASELINE_AT_RISK", "FIRING", 3, -40, -38),
                alert(4, "BASELINE_LATE", "FIRING", 1, 5, 6));

        Score score = Scorecard.score(alerts, truth);

        assertThat(score.leadSeconds().count()).isEqualTo(2);
        assertThat(score.leadSeconds().p50()).isEqualTo(30 * 60);
        assertThat(score.leadSeconds().p10()).isEqualTo(30 * 60);
        assertThat(score.leadSeconds().max()).isEqualTo(60 * 60);
        assertThat(score.deliveredLeadSeconds().p50()).isEqualTo(20 * 60);
        assertThat(score.deliveredLeadSeconds().max()).isEqualTo(58 * 60);
        // Detection latency (first alert − visibleAt) over every alerted missed instance, the late one too:
        // 2: −60 − (−90) = 30 min; 3: −30 − (−120) = 90 min; 4: 5 − (−40) = 45 min.
        assertThat(score.detectionSeconds().count()).isEqualTo(3);
        assertThat(score.detectionSeconds().min()).isEqualTo(30 * 60);
        assertThat(score.detectionSeconds().p50()).isEqualTo(45 * 60);
        assertThat(score.detectionSeconds().max()).isEqualTo(90 * 60);
    }

    @Test
    void onlyFiringLatenessRecordsAlertAnInstanceAndUnknownKindsAreCountedNotRefused() {
        List<AlertRecord> alerts = List.of(
                alert(5, "NODE_FAILED", "FIRING", 1, -50),
                alert(5, "SOMETHING_NEW", "FIRING", 1, -45),
                alert(1, "BLIND_SPOT", "FIRING", 1, -100),
                alert(7, "BASELINE_AT_RISK", "RESOLVED", 2, -55));

        Score score = Scorecard.score(alerts, truth);

        assertThat(score.alerted()).isZero();
        assertThat(score.notCaught()).isEqualTo(4);
        assertThat(score.recall()).isEqualTo(0.0);
        assertThat(score.precision()).isNull();
        assertThat(score.recordsByKind()).isEqualTo(Map.of("NODE_FAILED", 1, "SOMETHING_NEW", 1, "BLIND_SPOT", 1, "BASELINE_AT_RISK", 1));
        assertThat(score.records()).isEqualTo(4);
    }

    @Test
    void aRepeatedAlertIdAndSequenceIsADuplicateAndSoIsASecondOpening() {
        List<AlertRecord> alerts = new ArrayList<>(List.of(
                alert(2, "BASELINE_AT_RISK", "FIRING", 1, -60),
                alert(2, "BASELINE_AT_RISK", "FIRING", 2, -60),
                alert(2, "BASELINE_AT_RISK", "FIRING", 2, -60),    // the same update twice
                alert(2, "BASELINE_LATE", "FIRING", 1, 0),
                alert(3, "BASELINE_AT_RISK", "FIRING", 1, -30),
                alert(3, "BASELINE_AT_RISK", "RESOLVED", 2, -30),
                alert(3, "BASELINE_AT_RISK", "FIRING", 1, -10),    // opened again from sequence 1
                alert(3, "BASELINE_AT_RISK", "FIRING", 1, -5)));   // and once more

        Score score = Scorecard.score(alerts, truth);

        assertThat(score.duplicates()).isEqualTo(3);
        assertThat(score.duplicatedAlertIds()).isEqualTo(2);
        assertThat(score.duplicateExamples()).containsExactly(
                "2:2026-12-02:1:BASELINE_AT_RISK x1", "3:2026-12-02:1:BASELINE_AT_RISK x2");
        // Duplicates do not change who was alerted or when first.
        assertThat(score.leadSeconds().max()).isEqualTo(60 * 60);
    }

    @Test
    void nothingMissedAndNothingAlertedLeavesRecallAndPrecisionUndefined() {
        Score score = Scorecard.score(List.of(), List.of(truth(1, Fate.ON_TIME, -60, null, true)));

        assertThat(score.recall()).isNull();
        assertThat(score.precision()).isNull();
        assertThat(score.leadSeconds()).isEqualTo(new Distribution(0, null, null, null, null, null));
    }

    @Test
    void percentilesAreNearestRankSoTheyAreAlwaysMeasuredValues() {
        List<Long> values = List.of(50L, 10L, 40L, 20L, 30L, 60L, 70L, 80L, 90L, 100L, 110L);

        Distribution d = Distribution.of(values);

        // 11 values: p10 is rank ceil(1.1) = 2, the median rank 6, p90 rank ceil(9.9) = 10.
        assertThat(d).isEqualTo(new Distribution(11, 10L, 20L, 60L, 100L, 110L));
        assertThat(Distribution.of(List.of(1L, 2L, 3L, 4L)).p50()).isEqualTo(2L);
    }
}
