package dev.baselinewatch.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A simulator scenario file as written (YAML). The format is documented in {@code docs/SCENARIOS.md};
 * {@link ScenarioLoader} validates it and turns it into a {@link Scenario}.
 */
public record ScenarioFile(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("timeZone") String timeZone,
        @JsonProperty("clock") Clock clock,
        @JsonProperty("accessKeys") List<Key> accessKeys,
        @JsonProperty("baselines") List<Baseline> baselines,
        @JsonProperty("generate") List<Generate> generate,
        @JsonProperty("faults") List<FaultSpec> faults) {

    public record FaultSpec(
            @JsonProperty("kind") String kind,
            @JsonProperty("actions") List<String> actions,
            @JsonProperty("baselines") List<Long> baselines,
            @JsonProperty("day") Integer day,
            @JsonProperty("everyDay") Boolean everyDay,
            @JsonProperty("from") String from,
            @JsonProperty("until") String until,
            @JsonProperty("every") Integer every,
            @JsonProperty("count") Long count,
            @JsonProperty("rateLimitHeader") Boolean rateLimitHeader,
            @JsonProperty("timeLeft") String timeLeft,
            @JsonProperty("delay") String delay) {}

    public record Clock(
            @JsonProperty("runDay") String runDay,
            @JsonProperty("days") Integer days,
            @JsonProperty("start") String start,
            @JsonProperty("speed") Double speed,
            @JsonProperty("end") String end) {}

    public record Key(
            @JsonProperty("id") String id,
            @JsonProperty("secret") String secret) {}

    public record Baseline(
            @JsonProperty("id") Long id,
            @JsonProperty("name") String name,
            @JsonProperty("owner") String owner,
            @JsonProperty("projectId") Long projectId,
            @JsonProperty("priority") Integer priority,
            @JsonProperty("inGroupId") Integer inGroupId,
            @JsonProperty("cycles") Integer cycles,
            @JsonProperty("cycleInterval") String cycleInterval,
            @JsonProperty("committedTime") String committedTime,
            @JsonProperty("alertMargin") String alertMargin,
            @JsonProperty("nodes") List<Node> nodes) {}

    public record Node(
            @JsonProperty("id") Long id,
            @JsonProperty("instanceId") Long instanceId,
            @JsonProperty("name") String name,
            @JsonProperty("owner") String owner,
            @JsonProperty("prgType") Integer prgType,
            @JsonProperty("plannedStart") String plannedStart,
            @JsonProperty("expectedDuration") String expectedDuration,
            @JsonProperty("actualDuration") String actualDuration,
            @JsonProperty("waitForResources") String waitForResources,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("rerunAfter") String rerunAfter,
            @JsonProperty("rerunDuration") String rerunDuration) {}

    /** A population of baselines made up from a seed: see "Generated populations" in {@code docs/SCENARIOS.md}. */
    public record Generate(
            @JsonProperty("count") Integer count,
            @JsonProperty("firstId") Long firstId,
            @JsonProperty("seed") Long seed,
            @JsonProperty("cycles") Integer cycles,
            @JsonProperty("cycleInterval") String cycleInterval,
            @JsonProperty("priorities") Map<String, Double> priorities,
            @JsonProperty("projects") List<Long> projects,
            @JsonProperty("owners") List<String> owners,
            @JsonProperty("keyPathLength") List<Integer> keyPathLength,
            @JsonProperty("nodeDuration") List<String> nodeDuration,
            @JsonProperty("committedWindow") List<String> committedWindow,
            @JsonProperty("alertMargin") String alertMargin,
            @JsonProperty("slack") List<String> slack,
            @JsonProperty("fates") Fates fates) {}

    /** Fractions of a generated population's instances given each fate; the rest run on time. */
    public record Fates(
            @JsonProperty("onTime") Double onTime,
            @JsonProperty("slowNode") Double slowNode,
            @JsonProperty("failedRerun") Double failedRerun,
            @JsonProperty("neverStarts") Double neverStarts,
            @JsonProperty("waitsForResources") Double waitsForResources,
            @JsonProperty("tight") Double tight) {}
}
