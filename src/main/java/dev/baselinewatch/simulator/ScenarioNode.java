package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.Outcome;

/**
 * A key-path node as the scenario defines it, before it is placed on a business date and cycle.
 *
 * @param firstInstanceId an explicit {@code instanceId} (the node's first instance), or null for the default
 * @param plannedStart milliseconds after the run day's midnight, or null: when the previous node is forecast to end
 */
public record ScenarioNode(
        long nodeId,
        Long firstInstanceId,
        String name,
        String owner,
        int prgType,
        Long plannedStart,
        long expectedMillis,
        long actualMillis,
        long waitForResourcesMillis,
        Outcome outcome,
        Long rerunAfterMillis,
        long rerunMillis) {}
