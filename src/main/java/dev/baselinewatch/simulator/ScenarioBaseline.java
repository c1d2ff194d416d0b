package dev.baselinewatch.simulator;

import java.util.List;

/**
 * One baseline as the scenario defines it, written or generated: its configuration, its cycles, and
 * its key path with times relative to the run day's midnight. {@link InstancePlanner} turns it into
 * one {@link Scenario.SimBaseline} per business date and cycle.
 *
 * @param inGroupIds the cycles this entry makes, ascending: {@code [n]} for {@code inGroupId: n}, {@code 1..N} for {@code cycles: N}
 * @param committedOffset the first cycle's committed time, milliseconds after the run day's midnight
 * @param cycleInterval how much later each following cycle is committed (and its nodes planned)
 * @param fates the fate mix of a generated baseline; null for a written one
 * @param seed the seed a generated baseline draws its instances' fates from
 * @param key where the entry is in the file ({@code baselines[2]}, {@code generate[0]}), for messages
 */
public record ScenarioBaseline(
        long id,
        String name,
        String owner,
        long projectId,
        int priority,
        boolean hourly,
        List<Integer> inGroupIds,
        long committedOffset,
        long cycleInterval,
        long alertMargin,
        List<ScenarioNode> nodes,
        FateMix fates,
        long seed,
        String key) {

    public ScenarioBaseline {
        inGroupIds = List.copyOf(inGroupIds);
        nodes = List.copyOf(nodes);
    }

    public boolean generated() {
        return fates != null;
    }

    public boolean hasCycle(int inGroupId) {
        return inGroupIds.contains(inGroupId);
    }

    /** How much later than the first cycle cycle {@code inGroupId} is committed and planned. */
    public long shift(int inGroupId) {
        return (inGroupId - inGroupIds.get(0)) * cycleInterval;
    }

    /** Cycle {@code inGroupId}'s committed time, milliseconds after the run day's midnight (may exceed a day). */
    public long committedOffset(int inGroupId) {
        return committedOffset + shift(inGroupId);
    }
}
