package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.source.WatchedBaseline;
import dev.baselinewatch.source.split.BaselineSplit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the watch list: one split per configured baseline, each handed to exactly one reader.
 * Splits a failed reader gives back are reassigned; a baseline added to the config after a restore
 * becomes a new split. Owners go round-robin over the sorted baseline ids, so readers get an even
 * share and a split given back returns to the same subtask.
 */
public final class BaselineSplitEnumerator implements SplitEnumerator<BaselineSplit, BaselineEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineSplitEnumerator.class);

    private final SplitEnumeratorContext<BaselineSplit> context;
    private final Set<Long> assigned;
    private final Map<Long, BaselineSplit> unassigned = new LinkedHashMap<>();
    private final List<Long> sortedIds;

    public BaselineSplitEnumerator(
            SplitEnumeratorContext<BaselineSplit> context, List<WatchedBaseline> watched, BaselineEnumState restored) {
        this.context = context;
        this.assigned = new HashSet<>(restored == null ? Set.of() : restored.assignedBaselineIds());
        if (restored != null) {
            restored.unassigned().forEach(split -> unassigned.put(split.baselineId(), split));
        }
        this.sortedIds = watched.stream().map(WatchedBaseline::baselineId).sorted().toList();
        for (WatchedBaseline baseline : watched) {
            if (!assigned.contains(baseline.baselineId()) && !unassigned.containsKey(baseline.baselineId())) {
                unassigned.put(baseline.baselineId(), BaselineSplit.fresh(baseline.baselineId(), baseline.inGroupIds()));
            }
        }
    }

    @Override
    public void start() {
        assignPending();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignPending();
    }

    @Override
    public void addSplitsBack(List<BaselineSplit> splits, int subtaskId) {
        LOG.info("Reader {} gave back {} baseline(s); they are reassigned", subtaskId, splits.size());
        for (BaselineSplit split : splits) {
            assigned.remove(split.baselineId());
            unassigned.put(split.baselineId(), split);
        }
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    private void assignPending() {
        int parallelism = context.currentParallelism();
        for (BaselineSplit split : new ArrayList<>(unassigned.values())) {
            int owner = ownerOf(split.baselineId(), parallelism);
            if (context.registeredReaders().containsKey(owner)) {
                context.assignSplit(split, owner);
                unassigned.remove(split.baselineId());
                assigned.add(split.baselineId());
            }
        }
    }

    private int ownerOf(long baselineId, int parallelism) {
        int index = sortedIds.indexOf(baselineId);
        // A baseline restored from state but gone from the config keeps being watched until a restart drops it.
        return index >= 0 ? index % parallelism : (int) Math.floorMod(baselineId, (long) parallelism);
    }

    @Override
    public BaselineEnumState snapshotState(long checkpointId) {
        return new BaselineEnumState(assigned, new ArrayList<>(unassigned.values()));
    }

    @Override
    public void close() {}
}
