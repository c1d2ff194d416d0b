package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.ScenarioValues.orDefault;

import dev.baselinewatch.simulator.Scenario.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Validates a written {@code baselines:} entry into a {@link ScenarioBaseline}, naming the key of every mistake. */
final class BaselineEntryReader {

    private static final long LAST_CLOCK_TIME = Duration.ofHours(47).plusMinutes(59).toMillis();

    private final ScenarioValues values;

    BaselineEntryReader(ScenarioValues values) {
        this.values = values;
    }

    ScenarioBaseline read(ScenarioFile.Baseline b, String key) {
        values.check(b.id() != null && b.id() > 0, key + ".id", "must be a positive baseline id");
        values.check(b.inGroupId() == null || b.cycles() == null, key + ".cycles",
                "give either inGroupId (one cycle) or cycles (cycles 1..N), not both");
        values.check(b.cycles() != null || b.cycleInterval() == null, key + ".cycleInterval", "needs cycles (an hourly baseline)");
        int inGroupId = orDefault(b.inGroupId(), 1);
        values.check(inGroupId >= 1 && inGroupId <= 24, key + ".inGroupId", "cycles are 1..24, was " + inGroupId);
        Integer cycles = b.cycles();
        values.check(cycles == null || (cycles >= 1 && cycles <= 24), key + ".cycles", "must be 1..24, was " + cycles);
        long interval = b.cycleInterval() == null ? Duration.ofHours(1).toMillis() : values.duration(b.cycleInterval(), key + ".cycleInterval", false);
        int priority = orDefault(b.priority(), 1);
        values.check(priority >= 1 && priority <= 8, key + ".priority", "must be 1..8, was " + priority);
        values.check(b.committedTime() != null, key + ".committedTime", "is required (hh:mm on the run day; hh may be 24..47)");
        long committed = values.clockTime(b.committedTime(), key + ".committedTime");
        if (cycles != null) {
            long last = committed + (cycles - 1) * interval;
            values.check(last <= LAST_CLOCK_TIME, key + ".cycles", "cycle " + cycles + " would be committed "
                    + last / 3_600_000 + ":" + String.format("%02d", last / 60_000 % 60) + ", after 47:59");
        }
        long margin = values.duration(orDefault(b.alertMargin(), "30m"), key + ".alertMargin", true);
        values.check(b.nodes() != null && !b.nodes().isEmpty(), key + ".nodes", "must list the key path, at least one node");
        List<ScenarioNode> nodes = new ArrayList<>();
        for (int n = 0; n < b.nodes().size(); n++) {
            nodes.add(node(b.nodes().get(n), key + ".nodes[" + n + "]", b, n));
        }
        List<Integer> inGroupIds = cycles == null ? List.of(inGroupId) : IntStream.rangeClosed(1, cycles).boxed().toList();
        return new ScenarioBaseline(b.id(), orDefault(b.name(), "baseline_" + b.id()), orDefault(b.owner(), "0"),
                orDefault(b.projectId(), 1L), priority, cycles != null, inGroupIds, committed, interval, margin, nodes, null, 0, key);
    }

    private ScenarioNode node(ScenarioFile.Node n, String key, ScenarioFile.Baseline baseline, int index) {
        long nodeId = n.id() != null ? n.id() : baseline.id() * 100 + index + 1;
        values.check(nodeId > 0, key + ".id", "must be positive");
        values.check(n.instanceId() == null || n.instanceId() > 0, key + ".instanceId", "must be positive");
        long expected = values.duration(values.require(n.expectedDuration(), key + ".expectedDuration"), key + ".expectedDuration", false);
        long actual = n.actualDuration() == null ? expected : values.duration(n.actualDuration(), key + ".actualDuration", false);
        Outcome outcome = outcome(orDefault(n.outcome(), "SUCCESS"), key + ".outcome");
        Long rerunAfter = n.rerunAfter() == null ? null : values.duration(n.rerunAfter(), key + ".rerunAfter", true);
        values.check(rerunAfter == null || outcome == Outcome.FAILURE, key + ".rerunAfter", "only a FAILURE outcome is rerun");
        return new ScenarioNode(
                nodeId,
                n.instanceId(),
                orDefault(n.name(), "node_" + nodeId),
                orDefault(n.owner(), orDefault(baseline.owner(), "0")),
                orDefault(n.prgType(), 10),
                n.plannedStart() == null ? null : values.clockTime(n.plannedStart(), key + ".plannedStart"),
                expected,
                actual,
                n.waitForResources() == null ? 0 : values.duration(n.waitForResources(), key + ".waitForResources", true),
                outcome,
                rerunAfter,
                n.rerunDuration() == null ? expected : values.duration(n.rerunDuration(), key + ".rerunDuration", false));
    }

    private Outcome outcome(String text, String key) {
        try {
            return Outcome.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw values.fail(key, "must be SUCCESS, FAILURE or NEVER_STARTS, was " + text);
        }
    }
}
