package dev.baselinewatch.source;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A baseline named in the job config. {@code inGroupIds} are the cycles to watch, or null to watch
 * every cycle DataWorks' configuration of the baseline has ({@code [1]} when it cannot be read).
 */
public record WatchedBaseline(long baselineId, int[] inGroupIds) implements Serializable {

    static final int[] DAILY = {1};

    public WatchedBaseline {
        inGroupIds = inGroupIds == null ? null : inGroupIds.clone();
    }

    public static WatchedBaseline allCycles(long baselineId) {
        return new WatchedBaseline(baselineId, null);
    }

    @Override
    public int[] inGroupIds() {
        return inGroupIds == null ? null : inGroupIds.clone();
    }

    /** The configured cycles, else DataWorks' ({@code fromDataWorks}), else a daily baseline's one cycle. */
    public int[] cyclesOr(int[] fromDataWorks) {
        if (inGroupIds != null) {
            return inGroupIds.clone();
        }
        return fromDataWorks != null && fromDataWorks.length > 0 ? fromDataWorks.clone() : DAILY.clone();
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
        return baselineId + (inGroupIds == null ? "[all cycles]" : Arrays.toString(inGroupIds));
    }
}
