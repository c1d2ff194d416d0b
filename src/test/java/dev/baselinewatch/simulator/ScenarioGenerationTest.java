package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Generated populations: reproducible from the file, fates drawn per instance in the proportions asked for. */
class ScenarioGenerationTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 2);

    private static final String FIVE_HUNDRED = """
            clock: { runDay: 2026-12-03, end: "16:00" }
            generate:
              - count: 500
                firstId: 10001
                seed: %d
                priorities: { 1: 0.4, 3: 0.3, 5: 0.2, 8: 0.1 }
                projects: [10, 11]
                owners: ["200001", "200002", "200003"]
                keyPathLength: [2, 5]
                nodeDuration: [5m, 40m]
                committedWindow: ["06:00", "10:00"]
                alertMargin: 30m
                slack: [10m, 45m]
                fates: { slowNode: 0.10, failedRerun: 0.10, neverStarts: 0.05, waitsForResources: 0.10, tight: 0.10 }
            """;

    private static final String HOURLY_DAYS = """
            clock: { runDay: 2026-12-03, days: 3 }
            generate:
              - { count: 20, firstId: 500, seed: 9, cycles: 24, committedWindow: ["01:00", "01:30"], keyPathLength: [1, 3],
                  nodeDuration: [3m, 8m], alertMargin: 15m, slack: [3m, 8m],
                  fates: { slowNode: 0.2, failedRerun: 0.2, neverStarts: 0.1, waitsForResources: 0.2, tight: 0.2 } }
            """;

    @Test
    void theSameFileMakesTheSameInstancesAndTheSameTruthByteForByte() throws Exception {
        Scenario once = ScenarioLoader.parse(HOURLY_DAYS, "a.yaml");
        Scenario again = ScenarioLoader.parse(HOURLY_DAYS, "b.yaml");

        assertThat(again.definitions()).isEqualTo(once.definitions());
        for (LocalDate bizdate : once.bizdates()) {
            assertThat(again.instances(bizdate)).isEqualTo(once.instances(bizdate));
        }
        assertThat(jsonLines(again)).isEqualTo(jsonLines(once)).hasLineCount(3 * 20 * 24);

        Scenario otherSeed = ScenarioLoader.parse(HOURLY_DAYS.replace("seed: 9", "seed: 10"), "c.yaml");
        assertThat(jsonLines(otherSeed)).isNotEqualTo(jsonLines(once));
    }

    @Test
    void fatesAreDrawnAfreshForEveryBusinessDateAndCycle() {
        Scenario scenario = ScenarioLoader.parse(HOURLY_DAYS, "hourly");
        List<Fate> day1 = scenario.instances(FIRST).stream().map(Scenario.SimBaseline::fate).toList();
        List<Fate> day2 = scenario.instances(FIRST.plusDays(1)).stream().map(Scenario.SimBaseline::fate).toList();
        assertThat(day2).isNotEqualTo(day1);
        // Cycles of one baseline on one day differ too.
        assertThat(day1.subList(0, 24)).containsAnyOf(Fate.SLOW_NODE, Fate.FAILED_RERUN).contains(Fate.ON_TIME);
        // The baseline itself (name, key path, committed time) is the same every day; only what happens differs.
        assertThat(scenario.instances(FIRST.plusDays(1)).get(0).committedAt() - scenario.instances(FIRST).get(0).committedAt())
                .isEqualTo(Duration.ofDays(1).toMillis());
    }

    @Test
    void theFateMixAndPrioritiesComeOutRoughlyAsAskedOver500Instances() {
        ScenarioTruth truth = ScenarioTruth.of(ScenarioLoader.parse(FIVE_HUNDRED.formatted(500), "mix"));
        Map<Fate, Integer> fates = new EnumMap<>(Fate.class);
        Map<Integer, Integer> priorities = new TreeMap<>();
        truth.instances().forEach(t -> {
            fates.merge(t.fate(), 1, Integer::sum);
            priorities.merge(t.priority(), 1, Integer::sum);
        });

        assertThat(truth.instances()).hasSize(500);
        // Three standard deviations of a binomial over 500 draws is about 20 at p = 0.1.
        assertThat(fates.get(Fate.SLOW_NODE)).isCloseTo(50, within(20));
        assertThat(fates.get(Fate.FAILED_RERUN)).isCloseTo(50, within(20));
        assertThat(fates.get(Fate.NEVER_STARTS)).isCloseTo(25, within(15));
        assertThat(fates.get(Fate.WAITS_FOR_RESOURCES)).isCloseTo(50, within(20));
        assertThat(fates.get(Fate.TIGHT)).isCloseTo(50, within(20));
        assertThat(fates.get(Fate.ON_TIME)).isCloseTo(275, within(35));
        assertThat(priorities.keySet()).containsExactly(1, 3, 5, 8);
        assertThat(priorities.get(1)).isCloseTo(200, within(35));
        assertThat(priorities.get(8)).isCloseTo(50, within(20));
    }

    @Test
    void generatedFatesKeepTheirPromises() {
        ScenarioTruth truth = ScenarioTruth.of(ScenarioLoader.parse(FIVE_HUNDRED.formatted(77), "promises"));
        for (InstanceTruth t : truth.instances()) {
            switch (t.fate()) {
                case ON_TIME -> assertThat(t.finishedWithMargin()).as(t.toString()).isTrue();
                case TIGHT -> assertThat(!t.missed() && !t.finishedWithMargin()).as(t.toString()).isTrue();
                case SLOW_NODE -> assertThat(t.missed() && t.finishAt() != null).as(t.toString()).isTrue();
                case NEVER_STARTS -> assertThat(t.finishAt()).as(t.toString()).isNull();
                case WAITS_FOR_RESOURCES -> assertThat(t.finishedWithMargin()).as(t.toString()).isFalse();
                case FAILED_RERUN -> assertThat(t.finishAt()).as(t.toString()).isNotNull();
                default -> throw new AssertionError("a generated instance got " + t);
            }
        }
        assertThat(truth.instances()).filteredOn(t -> t.fate() == Fate.FAILED_RERUN).extracting(InstanceTruth::missed)
                .as("reruns: some late, some not").contains(true, false);
    }

    @Test
    void visibleAtIsWhenTheSimulatorsOwnStatusAnswerFirstShowsTrouble() throws Exception {
        Scenario scenario = ScenarioLoader.parse(FIVE_HUNDRED.formatted(500), "visible");
        SimulatedDataWorks dataWorks = new SimulatedDataWorks(scenario);
        long runDayMidnight = scenario.start().toEpochMilli();
        List<InstanceTruth> missed = ScenarioTruth.of(scenario).instances().stream().filter(InstanceTruth::missed).toList();
        assertThat(missed).hasSizeGreaterThan(50);
        for (InstanceTruth t : missed) {
            long visible = t.visibleAt().toEpochMilli();
            assertThat(visible).isBetween(runDayMidnight, t.committedAt().toEpochMilli());
            assertThat(troubleShown(dataWorks, t, visible)).as(t.toString()).isTrue();
            if (visible > runDayMidnight) {
                assertThat(troubleShown(dataWorks, t, visible - 60_000)).as(t + " a minute earlier").isFalse();
            }
        }
    }

    private static boolean troubleShown(SimulatedDataWorks dataWorks, InstanceTruth t, long now) throws Exception {
        BaselineStatus status = (BaselineStatus) dataWorks.answer("GetBaselineStatus", Map.of("BaselineId", Long.toString(t.baselineId()),
                "Bizdate", Bizdates.toRequestParameter(t.bizdate(), ZONE), "InGroupId", Integer.toString(t.inGroupId())), now);
        return status.endCast() > status.slaTime() || status.status().equals("OVER");
    }

    private static String jsonLines(Scenario scenario) throws Exception {
        StringWriter out = new StringWriter();
        ScenarioTruth.writeJsonLines(scenario, out);
        return out.toString();
    }
}
