package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.source.split.BaselineSplit;
import java.util.List;
import java.util.Set;

/**
 * The enumerator's checkpoint: baselines already handed to a reader (their state lives in the
 * readers' checkpoints) and splits waiting for a reader, with their state.
 */
public record BaselineEnumState(Set<Long> assignedBaselineIds, List<BaselineSplit> unassigned) {

    public BaselineEnumState {
        assignedBaselineIds = Set.copyOf(assignedBaselineIds);
        unassigned = List.copyOf(unassigned);
    }
}
