package dev.baselinewatch.source.split;

import dev.baselinewatch.event.InstanceKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One watched baseline and what was last emitted for each of its live instances (business dates
 * and cycles). Immutable; the reader keeps a mutable {@link BaselineSplitState} beside it.
 */
public final class BaselineSplit implements SourceSplit {

    private final long baselineId;
    private final int[] inGroupIds;
    private final Map<InstanceKey, InstanceSnapshot> instances;

    public BaselineSplit(long baselineId, int[] inGroupIds, Map<InstanceKey, InstanceSnapshot> instances) {
        if (inGroupIds.length == 0) {
            throw new IllegalArgumentException("baseline " + baselineId + " needs at least one cycle (InGroupId)");
        }
        for (int inGroupId : inGroupIds) {
            if (inGroupId < 1 || inGroupId > 24) {
                throw new IllegalArgumentException("baseline " + baselineId + ": InGroupId must be 1..24, was " + inGroupId);
            }
        }
        this.baselineId = baselineId;
        this.inGroupIds = inGroupIds.clone();
        this.instances = Map.copyOf(instances);
    }

    public static BaselineSplit fresh(long baselineId, int[] inGroupIds) {
        return new BaselineSplit(baselineId, inGroupIds, Map.of());
    }

    public static String splitIdOf(long baselineId) {
        return "baseline-" + baselineId;
    }

    @Override
    public String splitId() {
        return splitIdOf(baselineId);
    }

    public long baselineId() {
        return baselineId;
    }

    public int[] inGroupIds() {
        return inGroupIds.clone();
    }

    public Map<InstanceKey, InstanceSnapshot> instances() {
        return instances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaselineSplit other
                && baselineId == other.baselineId
                && Arrays.equals(inGroupIds, other.inGroupIds)
                && instances.equals(other.instances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baselineId, Arrays.hashCode(inGroupIds), instances);
    }

    @Override
    public String toString() {
        return "BaselineSplit{" + baselineId + ", cycles=" + Arrays.toString(inGroupIds) + ", instances=" + instances.keySet() + "}";
    }
}
