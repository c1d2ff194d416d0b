package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.config.ConfigException;
import dev.baselinewatch.simulator.Scenario.Outcome;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    private static final long RUN_DAY = LocalDate.of(2026, 12, 3).atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toEpochMilli();

    @Test
    void theBundledDemoLoadsWithItsFourBaselines() {
        Scenario demo = ScenarioLoader.loadResource("scenarios/demo.yaml");
        assertThat(demo.baselines()).extracting(Scenario.SimBaseline::id).containsExactly(1001L, 1002L, 1003L, 1004L);
        assertThat(demo.speed()).isEqualTo(1200);
        assertThat(demo.accessKeys()).containsEntry(ScenarioLoader.DEFAULT_KEY_ID, ScenarioLoader.DEFAULT_KEY_SECRET);
    }

    @Test
    void timesAreOnTheRunDayAndHoursFrom24FallOnTheNextDay() {
        Scenario s = ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, end: "30:00" }
                baselines:
                  - { id: 9, inGroupId: 24, committedTime: "26:58", alertMargin: 1h30m,
                      nodes: [ { plannedStart: "25:00", expectedDuration: 20m, outcome: never-starts } ] }
                """, "t");
        Scenario.SimBaseline b = s.baselines().get(0);
        assertThat(s.bizdate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(b.committedAt()).isEqualTo(RUN_DAY + Duration.ofHours(26).plusMinutes(58).toMillis());
        assertThat(b.alertAt()).isEqualTo(b.committedAt() - Duration.ofMinutes(90).toMillis());
        assertThat(b.nodes().get(0).outcome()).isEqualTo(Outcome.NEVER_STARTS);
        assertThat(b.nodes().get(0).instanceId()).isEqualTo(901_001L);
        assertThat(s.end().toEpochMilli()).isEqualTo(RUN_DAY + Duration.ofHours(30).toMillis());
    }

    @Test
    void mistakesNameTheKeyAndTheFile() {
        assertThatThrownBy(() -> ScenarioLoader.parse("baselines: [ { id: 1, comittedTime: \"05:00\" } ]", "my.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'baselines[0].comittedTime'").hasMessageContaining("scenario my.yaml")
                .hasMessageContaining("committedTime");
        assertThatThrownBy(() -> ScenarioLoader.parse("""
                baselines: [ { id: 1, committedTime: "05:00", nodes: [ { expectedDuration: 3hours } ] } ]
                """, "my.yaml"))
                .hasMessageContaining("'baselines[0].nodes[0].expectedDuration' in scenario my.yaml");
        assertThatThrownBy(() -> ScenarioLoader.parse("""
                baselines: [ { id: 1, committedTime: "48:00", nodes: [ { expectedDuration: 1h } ] } ]
                """, "my.yaml"))
                .hasMessageContaining("'baselines[0].committedTime'").hasMessageContaining("hh 0..47");
        assertThatThrownBy(() -> ScenarioLoader.parse("""
                baselines: [ { id: 1, committedTime: "05:00", nodes: [ { expectedDuration: 1h, rerunAfter: 5m } ] } ]
                """, "my.yaml"))
                .hasMessageContaining("'baselines[0].nodes[0].rerunAfter'").hasMessageContaining("only a FAILURE outcome is rerun");
        assertThatThrownBy(() -> ScenarioLoader.parse("""
                baselines: [ { id: 1, committedTime: "05:00", nodes: [ { expectedDuration: 1h } ] } ]
                faults: [ { kind: EXPLODE } ]
                """, "my.yaml"))
                .hasMessageContaining("'faults[0].kind'").hasMessageContaining("THROTTLE");
    }

    @Test
    void readsRunDaysHourlyCyclesAndGeneratedPopulations() {
        Scenario s = ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, days: 3, end: "02:00" }
                baselines:
                  - { id: 9, cycles: 24, cycleInterval: 1h, committedTime: "03:58", alertMargin: 15m,
                      nodes: [ { plannedStart: "03:00", expectedDuration: 20m } ] }
                generate:
                  - { count: 10, firstId: 100, seed: 7, committedWindow: ["06:00", "08:00"],
                      priorities: { 1: 1, 8: 1 }, projects: [3], owners: ["42"], keyPathLength: [2, 3],
                      nodeDuration: [5m, 10m], alertMargin: 20m, slack: [5m, 10m],
                      fates: { slowNode: 0.2, failedRerun: 0.1, neverStarts: 0.1, waitsForResources: 0.1, tight: 0.1 } }
                faults:
                  - { kind: THROTTLE, day: 2, from: "03:00", until: "04:00" }
                  - { kind: INTERNAL_ERROR, everyDay: true, from: "05:00", until: "05:10" }
                """, "t");

        assertThat(s.bizdate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(s.lastBizdate()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(s.bizdates()).hasSize(3);
        assertThat(s.instancesPerBizdate()).isEqualTo(24 + 10);
        // clock.end is hh:mm of the LAST run day.
        assertThat(s.end().toEpochMilli()).isEqualTo(RUN_DAY + Duration.ofDays(2).plusHours(2).toMillis());
        assertThat(s.baselineType(9)).isEqualTo("HOURLY");
        assertThat(s.baselineType(100)).isEqualTo("DAILY");
        assertThat(s.definitions()).extracting(ScenarioBaseline::id).startsWith(9L, 100L).endsWith(109L);
        assertThat(s.definitions(105).get(0).generated()).isTrue();

        Scenario.SimBaseline cycle24OnDay3 = s.baseline(9, LocalDate.of(2026, 12, 4), 24).orElseThrow();
        assertThat(cycle24OnDay3.committedAt()).isEqualTo(RUN_DAY + Duration.ofDays(2).plusHours(26).plusMinutes(58).toMillis());
        assertThat(cycle24OnDay3.nodes().get(0).plannedStart()).isEqualTo(RUN_DAY + Duration.ofDays(2).plusHours(26).toMillis());
        assertThat(s.baseline(9, LocalDate.of(2026, 12, 5), 1)).isEmpty();
        assertThat(s.baseline(9, LocalDate.of(2026, 12, 2), 25)).isEmpty();

        Fault throttle = s.faults().get(0);
        assertThat(throttle.windows).containsExactly(new Fault.Window(RUN_DAY + Duration.ofHours(24 + 3).toMillis(),
                RUN_DAY + Duration.ofHours(24 + 4).toMillis()));
        assertThat(s.faults().get(1).windows).hasSize(3);
    }

    @Test
    void nodeInstanceIdsAreTheNodesOwnNumberedByBusinessDateThenCycle() {
        Scenario s = ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, days: 2 }
                baselines:
                  - { id: 9, cycles: 3, committedTime: "03:58", nodes: [ { expectedDuration: 20m } ] }
                  - { id: 7, committedTime: "05:00", nodes: [ { id: 55, instanceId: 5000, expectedDuration: 20m } ] }
                """, "t");
        LocalDate day1 = LocalDate.of(2026, 12, 2);
        LocalDate day2 = day1.plusDays(1);
        assertThat(s.instances(day1)).extracting(b -> b.nodes().get(0).instanceId())
                .containsExactly(901_001L, 901_002L, 901_003L, 5000L);
        assertThat(s.instances(day2)).extracting(b -> b.nodes().get(0).instanceId())
                .containsExactly(901_004L, 901_005L, 901_006L, 5001L);
    }

    @Test
    void badMultiDayHourlyAndGeneratedValuesNameTheKeyAndTheFile() {
        String node = "nodes: [ { expectedDuration: 10m } ]";
        assertRefused("clock: { days: 0 }\nbaselines: [ { id: 1, committedTime: \"05:00\", " + node + " } ]", "'clock.days'");
        assertRefused("baselines: [ { id: 1, inGroupId: 2, cycles: 3, committedTime: \"05:00\", " + node + " } ]",
                "'baselines[0].cycles'", "not both");
        assertRefused("baselines: [ { id: 1, cycles: 25, committedTime: \"05:00\", " + node + " } ]", "'baselines[0].cycles'", "1..24");
        assertRefused("baselines: [ { id: 1, cycleInterval: 1h, committedTime: \"05:00\", " + node + " } ]",
                "'baselines[0].cycleInterval'", "needs cycles");
        assertRefused("baselines: [ { id: 1, cycles: 24, committedTime: \"25:00\", " + node + " } ]",
                "'baselines[0].cycles'", "after 47:59");
        assertRefused("baselines: [ { id: 1, cycles: 2, committedTime: \"05:00\", " + node + " },"
                + " { id: 1, inGroupId: 2, committedTime: \"06:00\", " + node + " } ]", "'baselines[1].id'", "cycle 2 is listed twice");
        assertRefused("clock: { days: 42 }\nbaselines: [ { id: 1, cycles: 24, committedTime: \"01:00\", " + node + " } ]",
                "'clock.days'", "instanceId");

        String written = "baselines: [ { id: 105, committedTime: \"05:00\", " + node + " } ]\n";
        String block = "{ count: 10, firstId: 100, committedWindow: [\"06:00\", \"08:00\"]";
        assertRefused(written + "generate: [ " + block + " } ]", "'generate[0].firstId'", "include baseline 105 of baselines[0]");
        assertRefused("generate: [ " + block + " }, { count: 5, firstId: 108, committedWindow: [\"06:00\"] } ]",
                "'generate[1].firstId'", "overlap generate[0]");
        assertRefused("generate: [ " + block + ", fates: { slowNode: 0.6, tight: 0.5 } } ]", "'generate[0].fates'", "sum to at most 1");
        assertRefused("generate: [ " + block + ", fates: { slowNode: -0.1 } } ]", "'generate[0].fates.slowNode'");
        assertRefused("generate: [ " + block + ", priorities: { 9: 1 } } ]", "'generate[0].priorities.9'", "1..8");
        assertRefused("generate: [ { count: 10, firstId: 100, committedWindow: [\"01:00\", \"02:00\"] } ]",
                "'generate[0].committedWindow'", "starts too early");
        assertRefused("generate: [ { count: 10, firstId: 100, cycles: 24, committedWindow: [\"06:00\", \"30:00\"] } ]",
                "'generate[0].cycles'", "after 47:59");
        assertRefused("generate: [ { count: 10, committedWindow: [\"06:00\"] } ]", "'generate[0].firstId'", "is required");
        assertRefused("generate: [ " + block + ", fate: { slowNode: 0.1 } } ]", "'generate[0].fate'", "fates");
        assertRefused("baselines: [ { id: 1, committedTime: \"05:00\", " + node + " } ]\nfaults: [ { kind: THROTTLE, day: 2 } ]",
                "'faults[0].day'", "1..1");
    }

    private static void assertRefused(String yaml, String... inMessage) {
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
                .as(yaml)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scenario bad.yaml")
                .satisfies(e -> assertThat(e.getMessage()).contains(inMessage));
    }
}
