package dev.baselinewatch.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Node instance ids. Real DataWorks gives every run of a node (each business date, each cycle) an id of
 * its own, so the simulator does too: a node's instances are numbered 1, 2, 3... business date by
 * business date and, within one, cycle by cycle, and instance {@code n} gets id {@code first + n - 1},
 * where {@code first} is the node's explicit {@code instanceId} or {@code nodeId * 1000 + 1}. One node
 * (one id) may sit on the key path of several entries: its cycles are counted together. Ids of
 * different nodes must not overlap, which the loader checks.
 */
final class InstanceIds {

    /** The default scheme leaves 999 instance numbers per node. */
    static final int DEFAULT_IDS_PER_NODE = 999;

    /** Where one node's ids start and which cycles it runs on a business date. */
    private record NodeIds(long nodeId, long first, int[] cycles, long count) {

        long last() {
            return first + count - 1;
        }
    }

    /** A decoded instance id. */
    record NodeInstance(long nodeId, int dayIndex, int inGroupId) {}

    private final Map<Long, NodeIds> byNode;
    private final TreeMap<Long, NodeIds> byFirst = new TreeMap<>();

    private InstanceIds(Map<Long, NodeIds> byNode) {
        this.byNode = byNode;
        byNode.values().forEach(ids -> byFirst.put(ids.first(), ids));
    }

    /** Numbers every node's instances over {@code days} business dates; refuses overlapping or exhausted ranges. */
    static InstanceIds of(List<ScenarioBaseline> baselines, int days, ScenarioValues values) {
        Map<Long, TreeSet<Integer>> cycles = new HashMap<>();
        Map<Long, Long> explicitFirst = new HashMap<>();
        Map<Long, String> keys = new HashMap<>();
        Map<Long, Boolean> generated = new HashMap<>();
        for (ScenarioBaseline b : baselines) {
            for (int n = 0; n < b.nodes().size(); n++) {
                ScenarioNode node = b.nodes().get(n);
                String key = b.generated() ? b.key() : b.key() + ".nodes[" + n + "]";
                String earlier = keys.putIfAbsent(node.nodeId(), key);
                if (earlier != null && (b.generated() || generated.get(node.nodeId()))) {
                    throw values.fail(key + (b.generated() ? "" : ".id"), "node id " + node.nodeId() + " is also used by " + earlier
                            + ": a generated baseline's node ids (baselineId*100 + position) are its own");
                }
                generated.put(node.nodeId(), b.generated());
                cycles.computeIfAbsent(node.nodeId(), id -> new TreeSet<>()).addAll(b.inGroupIds());
                if (node.firstInstanceId() != null) {
                    Long other = explicitFirst.putIfAbsent(node.nodeId(), node.firstInstanceId());
                    values.check(other == null || other.equals(node.firstInstanceId()), key + ".instanceId",
                            "node " + node.nodeId() + " already has instanceId " + other + " in " + keys.get(node.nodeId()));
                }
            }
        }
        Map<Long, NodeIds> byNode = new HashMap<>();
        for (Map.Entry<Long, TreeSet<Integer>> e : cycles.entrySet()) {
            long nodeId = e.getKey();
            int[] nodeCycles = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            long count = (long) days * nodeCycles.length;
            Long explicit = explicitFirst.get(nodeId);
            if (explicit == null) {
                values.check(count <= DEFAULT_IDS_PER_NODE, "clock.days", "node " + nodeId + " (" + keys.get(nodeId) + ") runs "
                        + nodeCycles.length + " cycles a day: its default instance ids (nodeId*1000 + 1..999) last "
                        + DEFAULT_IDS_PER_NODE / nodeCycles.length + " days; give it an explicit instanceId or use fewer days");
            }
            long first = explicit != null ? explicit : nodeId * 1000 + 1;
            byNode.put(nodeId, new NodeIds(nodeId, first, nodeCycles, count));
        }
        checkNoOverlap(byNode, keys, values);
        return new InstanceIds(byNode);
    }

    private static void checkNoOverlap(Map<Long, NodeIds> byNode, Map<Long, String> keys, ScenarioValues values) {
        List<NodeIds> sorted = new ArrayList<>(byNode.values());
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        for (int i = 1; i < sorted.size(); i++) {
            NodeIds previous = sorted.get(i - 1);
            NodeIds current = sorted.get(i);
            values.check(previous.last() < current.first(), keys.get(current.nodeId()) + ".instanceId",
                    "node " + current.nodeId() + "'s instance ids " + current.first() + ".." + current.last() + " overlap node "
                            + previous.nodeId() + "'s " + previous.first() + ".." + previous.last() + " (" + keys.get(previous.nodeId()) + ")");
        }
    }

    /** The id of {@code nodeId}'s instance on the {@code dayIndex}-th business date (0 = first), cycle {@code inGroupId}. */
    long instanceId(long nodeId, int dayIndex, int inGroupId) {
        NodeIds ids = byNode.get(nodeId);
        int position = Arrays.binarySearch(ids.cycles(), inGroupId);
        if (position < 0) {
            throw new IllegalArgumentException("node " + nodeId + " has no cycle " + inGroupId);
        }
        return ids.first() + (long) dayIndex * ids.cycles().length + position;
    }

    /** Which node, business date and cycle an instance id belongs to; null if it is nobody's. */
    NodeInstance decode(long instanceId) {
        Map.Entry<Long, NodeIds> entry = byFirst.floorEntry(instanceId);
        if (entry == null || instanceId > entry.getValue().last()) {
            return null;
        }
        NodeIds ids = entry.getValue();
        long offset = instanceId - ids.first();
        return new NodeInstance(ids.nodeId(), (int) (offset / ids.cycles().length), ids.cycles()[(int) (offset % ids.cycles().length)]);
    }
}
