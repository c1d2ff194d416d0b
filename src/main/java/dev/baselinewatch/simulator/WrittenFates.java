package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.Outcome;
import dev.baselinewatch.simulator.Scenario.SimBaseline;
import dev.baselinewatch.simulator.Scenario.SimNode;

/**
 * Names the fate of a written (not generated) instance from its plan and finish, with the same
 * promises generated fates keep: {@link Fate#SLOW_NODE} is always late, {@link Fate#TIGHT} always lands
 * between alert and committed time, {@link Fate#ON_TIME} by the alert time. The first rule that fits wins:
 * <ol>
 *   <li>a node never starts: NEVER_STARTS</li>
 *   <li>a node fails and is never rerun: FAILED</li>
 *   <li>a node fails and is rerun: FAILED_RERUN (late or not)</li>
 *   <li>a node waits for resources and the instance finishes after its alert time: WAITS_FOR_RESOURCES</li>
 *   <li>finishes by the alert time: ON_TIME</li>
 *   <li>finishes by the committed time: TIGHT</li>
 *   <li>a node runs longer than its history: SLOW_NODE</li>
 *   <li>otherwise (the plan itself is late): LATE_BY_PLAN</li>
 * </ol>
 */
final class WrittenFates {

    private WrittenFates() {}

    static Fate classify(SimBaseline plan, long finishAt) {
        if (any(plan, n -> n.outcome() == Outcome.NEVER_STARTS)) {
            return Fate.NEVER_STARTS;
        }
        if (any(plan, n -> n.outcome() == Outcome.FAILURE && n.rerunAfterMillis() == null)) {
            return Fate.FAILED;
        }
        if (any(plan, n -> n.outcome() == Outcome.FAILURE)) {
            return Fate.FAILED_RERUN;
        }
        if (finishAt > plan.alertAt() && any(plan, n -> n.waitForResourcesMillis() > 0)) {
            return Fate.WAITS_FOR_RESOURCES;
        }
        if (finishAt <= plan.alertAt()) {
            return Fate.ON_TIME;
        }
        if (finishAt <= plan.committedAt()) {
            return Fate.TIGHT;
        }
        return any(plan, n -> n.actualMillis() > n.expectedMillis()) ? Fate.SLOW_NODE : Fate.LATE_BY_PLAN;
    }

    private static boolean any(SimBaseline plan, java.util.function.Predicate<SimNode> test) {
        return plan.nodes().stream().anyMatch(test);
    }
}
