package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.source.split.BaselineSplit;
import java.util.List;
import java.util.Set;

/**
 * The enumerator's checkpoint: baselines already handed to a reader (their state lives in the
 * readers' checkpoints), splits waiting for a reader with their state, and the day's call budget
 * ledger ({@code budgetDay} as an epoch day in the project's zone, {@code budgetGranted} calls of it).
 */
public record BaselineEnumState(Set<Long> assignedBaselineIds, List<BaselineSplit> unassigned, long budgetDay, long budgetGranted) {

    public BaselineEnumState {
        assignedBaselineIds = Set.copyOf(assignedBaselineIds);
        unassigned = List.copyOf(unassigned);
    }

    public BaselineEnumState(Set<Long> assignedBaselineIds, List<BaselineSplit> unassigned) {
        this(assignedBaselineIds, unassigned, 0, 0);
    }
}
