package dev.baselinewatch.source;

import java.io.Serializable;
import java.util.Arrays;

/** A baseline named in the job config, with the cycles (InGroupId) to watch: {@code [1]} for a daily one. */
public record WatchedBaseline(long baselineId, int[] inGroupIds) implements Serializable {

    public WatchedBaseline {
        inGroupIds = inGroupIds.clone();
    }

    @Override
    public int[] inGroupIds() {
        return inGroupIds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchedBaseline other && baselineId == other.baselineId && Arrays.equals(inGroupIds, other.inGroupIds);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(baselineId) * 31 + Arrays.hashCode(inGroupIds);
    }

    @Override
    public String toString() {
        return baselineId + Arrays.toString(inGroupIds);
    }
}
