package dev.baselinewatch.simulator;

/**
 * What happens to one baseline instance, as the ground truth ({@link ScenarioTruth}) names it. Generated
 * instances are given one by their population's fate mix; written ones are classified from their plan.
 */
public enum Fate {
    /** Finishes at or before its alert time. */
    ON_TIME,
    /** Finishes after its alert time but by its committed time. */
    TIGHT,
    /** One key-path node runs much longer than its history. */
    SLOW_NODE,
    /** A key-path node fails and is rerun; the instance may or may not be late. */
    FAILED_RERUN,
    /** A key-path node never starts, so the instance never finishes. */
    NEVER_STARTS,
    /** A key-path node waits long for compute resources. */
    WAITS_FOR_RESOURCES,
    /** Written scenarios only: a key-path node fails and is never rerun. */
    FAILED,
    /** Written scenarios only: nothing goes wrong, yet the plan itself finishes after the committed time. */
    LATE_BY_PLAN
}
