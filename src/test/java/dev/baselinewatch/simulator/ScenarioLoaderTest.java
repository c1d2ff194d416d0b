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
}
