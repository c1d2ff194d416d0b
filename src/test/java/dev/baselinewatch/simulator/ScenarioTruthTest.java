package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The ground truth of a small written scenario, field by field, as docs/SCENARIOS.md defines it. */
class ScenarioTruthTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);

    private static final String SCENARIO = """
            clock: { runDay: 2026-12-03, start: "%s", end: "08:00" }
            baselines:
              - { id: 1, priority: 5, projectId: 10, committedTime: "06:00", alertMargin: 60m, nodes: [
                  { plannedStart: "01:00", expectedDuration: 30m }, { expectedDuration: 40m }, { expectedDuration: 30m } ] }
              - { id: 2, priority: 8, projectId: 10, committedTime: "05:00", alertMargin: 30m, nodes: [
                  { plannedStart: "01:00", expectedDuration: 30m }, { expectedDuration: 45m, actualDuration: 3h30m },
                  { expectedDuration: 30m } ] }
              - { id: 3, priority: 7, projectId: 11, committedTime: "04:00", alertMargin: 30m, nodes: [
                  { plannedStart: "01:00", expectedDuration: 20m, outcome: NEVER_STARTS }, { expectedDuration: 30m } ] }
              - { id: 4, priority: 3, projectId: 11, committedTime: "03:30", alertMargin: 30m, nodes: [
                  { plannedStart: "02:00", expectedDuration: 60m, actualDuration: 80m } ] }
              - { id: 5, committedTime: "06:00", nodes: [
                  { plannedStart: "02:00", expectedDuration: 60m, actualDuration: 20m, outcome: FAILURE, rerunAfter: 90m } ] }
              - { id: 6, committedTime: "06:00", nodes: [ { plannedStart: "05:00", expectedDuration: 2h } ] }
              - { id: 7, committedTime: "09:00", nodes: [ { plannedStart: "07:00", expectedDuration: 1h, outcome: FAILURE } ] }
            """;

    private static final ScenarioTruth TRUTH = ScenarioTruth.of(ScenarioLoader.parse(SCENARIO.formatted("00:00"), "truth"));

    @Test
    void anOnTimeInstanceFinishesWithItsMarginAndIsNeverVisible() {
        InstanceTruth onTime = truth(1);
        assertThat(onTime.fate()).isEqualTo(Fate.ON_TIME);
        assertThat(onTime.committedAt()).isEqualTo(at("2026-12-03T06:00"));
        assertThat(onTime.alertAt()).isEqualTo(at("2026-12-03T05:00"));
        assertThat(onTime.finishAt()).isEqualTo(at("2026-12-03T02:40"));
        assertThat(onTime.missed()).isFalse();
        assertThat(onTime.finishedWithMargin()).isTrue();
        assertThat(onTime.visibleAt()).isNull();
        assertThat(onTime.priority()).isEqualTo(5);
        assertThat(onTime.projectId()).isEqualTo(10);
        assertThat(onTime.withinClock()).isTrue();
    }

    @Test
    void aSlowNodeMakesItLateAndVisibleOnceTheForecastPassesTheCommittedTime() {
        InstanceTruth slow = truth(2);
        assertThat(slow.fate()).isEqualTo(Fate.SLOW_NODE);
        assertThat(slow.finishAt()).isEqualTo(at("2026-12-03T05:30"));
        assertThat(slow.missed()).isTrue();
        assertThat(slow.finishedWithMargin()).isFalse();
        // dwd runs from 01:30, long past its history: the forecast is now + 30m for the last node, after 05:00 from 04:31.
        assertThat(slow.visibleAt()).isEqualTo(at("2026-12-03T04:31"));
    }

    @Test
    void aNodeThatNeverStartsNeverFinishesAndShowsOnceTheRemainingHistoryNoLongerFits() {
        InstanceTruth never = truth(3);
        assertThat(never.fate()).isEqualTo(Fate.NEVER_STARTS);
        assertThat(never.finishAt()).isNull();
        assertThat(never.missed()).isTrue();
        assertThat(never.finishedWithMargin()).isFalse();
        // 20m + 30m of history still to run: the forecast passes 04:00 from 03:11.
        assertThat(never.visibleAt()).isEqualTo(at("2026-12-03T03:11"));
    }

    @Test
    void aTightInstanceFinishesBetweenAlertAndCommittedTime() {
        InstanceTruth tight = truth(4);
        assertThat(tight.fate()).isEqualTo(Fate.TIGHT);
        assertThat(tight.finishAt()).isEqualTo(at("2026-12-03T03:20"));
        assertThat(tight.missed()).isFalse();
        assertThat(tight.finishedWithMargin()).isFalse();
        assertThat(tight.visibleAt()).isNull();
    }

    @Test
    void writtenInstancesAreClassifiedByWhatGoesWrong() {
        assertThat(truth(5).fate()).isEqualTo(Fate.FAILED_RERUN);
        assertThat(truth(5).finishAt()).as("fails 02:20, rerun 03:50 for an hour").isEqualTo(at("2026-12-03T04:50"));
        assertThat(truth(5).missed()).isFalse();

        InstanceTruth lateByPlan = truth(6);
        assertThat(lateByPlan.fate()).isEqualTo(Fate.LATE_BY_PLAN);
        assertThat(lateByPlan.visibleAt()).as("the forecast is late from the start").isEqualTo(at("2026-12-03T00:00"));

        InstanceTruth failed = truth(7);
        assertThat(failed.fate()).isEqualTo(Fate.FAILED);
        assertThat(failed.finishAt()).isNull();
        assertThat(failed.withinClock()).as("committed 09:00, after clock.end 08:00").isFalse();
    }

    @Test
    void visibleAtIsTheCommittedTimeWhenTheClockStartsLater() {
        ScenarioTruth lateStart = ScenarioTruth.of(ScenarioLoader.parse(SCENARIO.formatted("05:00"), "late-start"));
        InstanceTruth never = lateStart.instance(3, BIZDATE, 1).orElseThrow();
        assertThat(never.visibleAt()).isEqualTo(never.committedAt());
        assertThat(never.withinClock()).isFalse();
        // Instances still ahead are scanned from the clock's start.
        assertThat(lateStart.instance(2, BIZDATE, 1).orElseThrow().visibleAt()).isEqualTo(at("2026-12-03T05:00"));
    }

    @Test
    void printsOneJsonLinePerInstanceWithTimesInTheProjectsZone() throws Exception {
        StringWriter out = new StringWriter();
        TRUTH.writeJsonLines(out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).isEqualTo("{\"baselineId\":2,\"bizdate\":\"2026-12-02\",\"inGroupId\":1,\"priority\":8,\"projectId\":10,"
                + "\"fate\":\"SLOW_NODE\",\"committedAt\":\"2026-12-03T05:00:00+08:00\",\"alertAt\":\"2026-12-03T04:30:00+08:00\","
                + "\"finishAt\":\"2026-12-03T05:30:00+08:00\",\"missed\":true,\"finishedWithMargin\":false,"
                + "\"visibleAt\":\"2026-12-03T04:31:00+08:00\",\"withinClock\":true}");
        assertThat(lines[2]).contains("\"finishAt\":null");

        StringWriter streamed = new StringWriter();
        ScenarioTruth.writeJsonLines(ScenarioLoader.parse(SCENARIO.formatted("00:00"), "truth"), streamed);
        assertThat(streamed.toString()).isEqualTo(out.toString());
    }

    @Test
    void theSimulatorServesTheTruthOfItsScenario() throws Exception {
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse(SCENARIO.formatted("00:00"), "truth"), 0)) {
            assertThat(simulator.truth().instances()).isEqualTo(TRUTH.instances());
        }
    }

    private static InstanceTruth truth(long baselineId) {
        return TRUTH.instance(baselineId, BIZDATE, 1).orElseThrow();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZONE);
    }
}
