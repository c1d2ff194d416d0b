package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.Outcome;
import dev.baselinewatch.simulator.Scenario.SimNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a generated instance's planned key path (every node as history says, finishing {@code slack}
 * before the alert time) into what really happens under its fate. One node, drawn at random, is the
 * one that goes wrong; the amounts are drawn too, within bounds that make the fate's promise true
 * (a slow node always makes the instance late, a tight one always lands between alert and committed).
 */
final class GeneratedFates {

    private static final long MINUTE = 60_000;

    private GeneratedFates() {}

    static List<SimNode> apply(Fate fate, List<SimNode> planned, long committedAt, long alertMargin, SeededRandom random) {
        long plannedFinish = planned.get(0).plannedStart();
        for (SimNode node : planned) {
            plannedFinish += node.expectedMillis();
        }
        long alertAt = committedAt - alertMargin;
        long slack = alertAt - plannedFinish;
        int culprit = random.nextInt(planned.size());
        List<SimNode> nodes = new ArrayList<>(planned);
        SimNode n = nodes.get(culprit);
        switch (fate) {
            case ON_TIME -> {
                // Real runs wander below their history; never above, or an on-time instance could drift past its alert time.
                for (int i = 0; i < nodes.size(); i++) {
                    SimNode node = nodes.get(i);
                    nodes.set(i, actual(node, minutes(node.expectedMillis() * random.between(0.8, 1.0))));
                }
            }
            case SLOW_NODE -> {
                long lateBy = random.between(10, 120) * MINUTE;
                nodes.set(culprit, actual(n, n.expectedMillis() + (committedAt - plannedFinish) + lateBy));
            }
            case TIGHT -> {
                long pastAlert = random.between(1, Math.max(1, alertMargin / MINUTE - 1)) * MINUTE;
                nodes.set(culprit, actual(n, n.expectedMillis() + slack + pastAlert));
            }
            case FAILED_RERUN -> {
                long failsAfter = minutes(n.expectedMillis() * random.between(0.2, 1.0));
                long rerunAfter = random.between(5, Math.max(5, 2 * alertMargin / MINUTE)) * MINUTE;
                nodes.set(culprit, new SimNode(n.nodeId(), n.instanceId(), n.name(), n.owner(), n.prgType(), n.plannedStart(),
                        n.expectedMillis(), failsAfter, 0, Outcome.FAILURE, rerunAfter, n.expectedMillis()));
            }
            case NEVER_STARTS -> nodes.set(culprit, new SimNode(n.nodeId(), n.instanceId(), n.name(), n.owner(), n.prgType(),
                    n.plannedStart(), n.expectedMillis(), n.expectedMillis(), 0, Outcome.NEVER_STARTS, null, n.expectedMillis()));
            case WAITS_FOR_RESOURCES -> {
                // Past the alert time by a quarter to twice the margin: some only at risk, most late.
                long wait = slack + minutes(alertMargin * random.between(0.25, 2.0));
                nodes.set(culprit, new SimNode(n.nodeId(), n.instanceId(), n.name(), n.owner(), n.prgType(), n.plannedStart(),
                        n.expectedMillis(), n.expectedMillis(), wait, Outcome.SUCCESS, null, n.expectedMillis()));
            }
            default -> throw new IllegalArgumentException("generated instances are not given fate " + fate);
        }
        return nodes;
    }

    private static SimNode actual(SimNode n, long actualMillis) {
        return new SimNode(n.nodeId(), n.instanceId(), n.name(), n.owner(), n.prgType(), n.plannedStart(), n.expectedMillis(),
                actualMillis, n.waitForResourcesMillis(), n.outcome(), n.rerunAfterMillis(), n.rerunMillis());
    }

    /** Whole minutes, at least one: generated times stay readable. */
    private static long minutes(double millis) {
        return Math.max(1, Math.round(millis / MINUTE)) * MINUTE;
    }
}
