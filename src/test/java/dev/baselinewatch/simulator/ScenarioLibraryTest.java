package dev.baselinewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled scenarios load, say what they model, and are as big and as long as they say. */
class ScenarioLibraryTest {

    @Test
    void everyBundledScenarioStartsWithACommentSayingWhatItModels() throws IOException {
        for (String name : List.of("demo", "day-500", "mixed-day", "hourly-soak")) {
            String text = resource("scenarios/" + name + ".yaml");
            assertThat(text).as(name).startsWith("# ");
            assertThat(ScenarioLoader.loadResource("scenarios/" + name + ".yaml").name()).isEqualTo(name);
        }
    }

    @Test
    void day500IsOneDayOf500DailyInstancesWithARealisticMixInAboutAMinute() {
        Scenario day = ScenarioLoader.loadResource("scenarios/day-500.yaml");
        assertThat(day.days()).isEqualTo(1);
        assertThat(day.instancesPerBizdate()).isEqualTo(500);
        assertThat(day.baselineIds()).allMatch(id -> day.baselineType(id).equals("DAILY"));
        assertThat(wallClock(day)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));

        Map<Fate, Long> fates = ScenarioTruth.of(day).instances().stream()
                .collect(Collectors.groupingBy(InstanceTruth::fate, Collectors.counting()));
        assertThat(fates.get(Fate.ON_TIME)).isGreaterThan(350);
        assertThat(fates).containsKeys(Fate.SLOW_NODE, Fate.FAILED_RERUN, Fate.NEVER_STARTS, Fate.WAITS_FOR_RESOURCES, Fate.TIGHT);
        assertThat(ScenarioTruth.of(day).instances()).allMatch(InstanceTruth::withinClock);
        assertThat(day.baselines().stream().map(Scenario.SimBaseline::priority).distinct()).contains(1, 3, 5, 7, 8);
    }

    @Test
    void mixedDayHasDailyAndHourlyBaselinesEventsAndApiTrouble() {
        Scenario mixed = ScenarioLoader.loadResource("scenarios/mixed-day.yaml");
        Map<String, Long> types = mixed.baselineIds().stream().collect(Collectors.groupingBy(mixed::baselineType, Collectors.counting()));
        assertThat(types.get("DAILY")).isGreaterThanOrEqualTo(300);
        assertThat(types.get("HOURLY")).isGreaterThanOrEqualTo(20);
        assertThat(mixed.faults()).extracting(Fault::kind).contains(Fault.Kind.THROTTLE, Fault.Kind.THROTTLE_400,
                Fault.Kind.INTERNAL_ERROR, Fault.Kind.BAD_GATEWAY, Fault.Kind.NO_PERMISSION);
        assertThat(wallClock(mixed)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));

        Map<Fate, Long> fates = mixed.baselines().stream().filter(b -> b.fate() != null)
                .collect(Collectors.groupingBy(Scenario.SimBaseline::fate, Collectors.counting()));
        assertThat(fates).containsKeys(Fate.SLOW_NODE, Fate.FAILED_RERUN);
    }

    @Test
    void hourlySoakIs200HourlyBaselinesOf24CyclesFor30DaysInAQuarterOfAnHour() {
        Scenario soak = ScenarioLoader.loadResource("scenarios/hourly-soak.yaml");
        assertThat(soak.days()).isEqualTo(30);
        assertThat(soak.baselineIds()).hasSize(200).allMatch(id -> soak.baselineType(id).equals("HOURLY"));
        assertThat(soak.instancesPerBizdate()).isEqualTo(200 * 24);
        // Slow enough for this job to keep up with 200 hourly baselines on two cores (BENCHMARKS.md, the soak).
        assertThat(wallClock(soak)).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
        // The last business date's last cycles are committed before the clock ends.
        long lastCommitted = soak.instances(soak.lastBizdate()).stream().mapToLong(Scenario.SimBaseline::committedAt).max().orElseThrow();
        assertThat(lastCommitted).isLessThan(soak.end().toEpochMilli());
    }

    private static Duration wallClock(Scenario scenario) {
        return Duration.ofMillis((long) ((scenario.end().toEpochMilli() - scenario.start().toEpochMilli()) / scenario.speed()));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ScenarioLibraryTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
