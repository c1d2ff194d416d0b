package dev.baselinewatch.source.split;

import dev.baselinewatch.event.InstanceKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One watched baseline, what DataWorks' configuration says of it, and what was last emitted for each
 * of its live instances (business dates and cycles). Immutable; the reader keeps a mutable
 * {@link BaselineSplitState} beside it.
 */
public final class BaselineSplit implements SourceSplit {

    private final long baselineId;
    private final int[] inGroupIds;
    private final BaselineProfile profile;
    private final Map<InstanceKey, InstanceSnapshot> instances;

    public BaselineSplit(long baselineId, int[] inGroupIds, Map<InstanceKey, InstanceSnapshot> instances) {
        this(baselineId, inGroupIds, BaselineProfile.UNKNOWN, instances);
    }

    public BaselineSplit(long baselineId, int[] inGroupIds, BaselineProfile profile, Map<InstanceKey, InstanceSnapshot> instances) {
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
        this.profile = profile;
        this.instances = Map.copyOf(instances);
    }

    public static BaselineSplit fresh(long baselineId, int[] inGroupIds) {
        return new BaselineSplit(baselineId, inGroupIds, Map.of());
    }

    public static BaselineSplit fresh(long baselineId, int[] inGroupIds, BaselineProfile profile) {
        return new BaselineSplit(baselineId, inGroupIds, profile, Map.of());
    }

    /** The same instances' state with a newer configuration (cycles, committed times, owner...). */
    public BaselineSplit withProfile(int[] newInGroupIds, BaselineProfile newProfile) {
        return new BaselineSplit(baselineId, newInGroupIds, newProfile, instances);
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

    public BaselineProfile profile() {
        return profile;
    }

    public Map<InstanceKey, InstanceSnapshot> instances() {
        return instances;
    }

    /** Live instances this split covers: its cycles, for the business dates being watched. */
    public int instanceCount() {
        return inGroupIds.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaselineSplit other
                && baselineId == other.baselineId
                && Arrays.equals(inGroupIds, other.inGroupIds)
                && profile.equals(other.profile)
                && instances.equals(other.instances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baselineId, Arrays.hashCode(inGroupIds), profile, instances);
    }

    @Override
    public String toString() {
        return "BaselineSplit{" + baselineId + ", cycles=" + Arrays.toString(inGroupIds) + ", instances=" + instances.keySet() + "}";
    }
}
