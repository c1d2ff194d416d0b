package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.source.split.BaselineSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Who watches which baseline. Splits wait until every reader has registered, then each goes to the
 * reader with the fewest instances to poll (an hourly baseline weighs its cycles), so readers share
 * the work evenly and a split given back after a failure lands where there is room.
 */
final class SplitAssigner {

    private final SplitEnumeratorContext<BaselineSplit> context;
    private final Map<Long, BaselineSplit> pending = new LinkedHashMap<>();
    /** Baseline id to the reader that holds it; null owner = assigned before a restore, owner not reported yet. */
    private final Map<Long, Integer> owners = new HashMap<>();
    /** Instances per baseline, for balancing. */
    private final Map<Long, Integer> weights = new HashMap<>();

    SplitAssigner(SplitEnumeratorContext<BaselineSplit> context, Set<Long> restoredAssigned, List<BaselineSplit> restoredPending) {
        this.context = context;
        restoredAssigned.forEach(id -> owners.put(id, null));
        restoredPending.forEach(this::add);
    }

    boolean knows(long baselineId) {
        return pending.containsKey(baselineId) || owners.containsKey(baselineId);
    }

    void add(BaselineSplit split) {
        pending.put(split.baselineId(), split);
        weights.put(split.baselineId(), split.instanceCount());
    }

    /** A not yet assigned split, to update before it goes out; null when assigned already. */
    BaselineSplit pending(long baselineId) {
        return pending.get(baselineId);
    }

    void setWeight(long baselineId, int instances) {
        weights.put(baselineId, instances);
    }

    /** Forgets a baseline; returns its owner if a reader holds it (to be told), else null. */
    Integer remove(long baselineId) {
        pending.remove(baselineId);
        weights.remove(baselineId);
        return owners.remove(baselineId);
    }

    Integer owner(long baselineId) {
        return owners.get(baselineId);
    }

    boolean assigned(long baselineId) {
        return owners.containsKey(baselineId);
    }

    void givenBack(List<BaselineSplit> splits) {
        for (BaselineSplit split : splits) {
            owners.remove(split.baselineId());
            add(split);
        }
    }

    /** A reader said what it holds (after a restore Flink distributes splits by itself). */
    void reported(int reader, Set<Long> baselineIds) {
        owners.replaceAll((id, owner) -> owner != null && owner == reader && !baselineIds.contains(id) ? null : owner);
        for (long id : baselineIds) {
            owners.put(id, reader);
            pending.remove(id);
        }
    }

    void assignPending() {
        int parallelism = context.currentParallelism();
        if (pending.isEmpty() || context.registeredReaders().size() < parallelism) {
            return;
        }
        Map<Integer, Long> load = new HashMap<>();
        for (int reader = 0; reader < parallelism; reader++) {
            load.put(reader, 0L);
        }
        owners.forEach((id, owner) -> {
            if (owner != null && load.containsKey(owner)) {
                load.merge(owner, (long) weights.getOrDefault(id, 1), Long::sum);
            }
        });
        // Heaviest first, onto the lightest reader: a greedy split that stays close to even. One assignment for
        // all, so a reader starts with all of its baselines (one listing a date) rather than one at a time.
        List<BaselineSplit> order = new ArrayList<>(pending.values());
        order.sort((a, b) -> Integer.compare(b.instanceCount(), a.instanceCount()));
        Map<Integer, List<BaselineSplit>> assignment = new HashMap<>();
        for (BaselineSplit split : order) {
            int reader = load.entrySet().stream().min(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
            pending.remove(split.baselineId());
            owners.put(split.baselineId(), reader);
            load.merge(reader, (long) split.instanceCount(), Long::sum);
        }
        context.assignSplits(new SplitsAssignment<>(assignment));
    }

    Set<Long> assignedIds() {
        return owners.keySet();
    }

    List<BaselineSplit> pendingSplits() {
        return new ArrayList<>(pending.values());
    }

    Set<Long> allIds() {
        Set<Long> all = new java.util.HashSet<>(owners.keySet());
        all.addAll(pending.keySet());
        return all;
    }
}
