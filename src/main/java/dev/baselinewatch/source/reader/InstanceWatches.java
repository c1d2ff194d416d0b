package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.InstanceKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fetcher's schedule of every live instance of this reader ({@link InstanceWatch}), and the
 * metrics that show it: instances watched, and per urgency class how many and how long the least
 * recently seen one has gone unseen. Pruned to the live instances after every round.
 */
final class InstanceWatches {

    /** Concurrent: the metric gauges read it from the reporter's thread. */
    private final Map<InstanceKey, InstanceWatch> watches = new ConcurrentHashMap<>();

    InstanceWatches(PollCounters counters) {
        counters.gauge("instancesWatched", () -> (int) watches.values().stream().filter(w -> w.urgency != Urgency.FINISHED).count());
        for (Urgency urgency : Urgency.values()) {
            if (urgency != Urgency.FINISHED) {
                counters.urgencyGauge(urgency.name(), "instances", () -> count(urgency));
                counters.urgencyGauge(urgency.name(), "maxPollAgeMillis", () -> maxPollAgeMillis(urgency));
            }
        }
    }

    InstanceWatch of(InstanceKey key) {
        return watches.computeIfAbsent(key, k -> new InstanceWatch(k, System.nanoTime()));
    }

    /** Forgets the instances no longer live anywhere on this reader; returns the unfinished ones left. */
    List<InstanceKey> retain(Collection<InstanceKey> live) {
        watches.keySet().retainAll(new HashSet<>(live));
        return watches.values().stream().filter(w -> w.urgency != Urgency.FINISHED).map(w -> w.key).toList();
    }

    private int count(Urgency urgency) {
        return (int) watches.values().stream().filter(w -> w.urgency == urgency).count();
    }

    private int maxPollAgeMillis(Urgency urgency) {
        long now = System.nanoTime();
        return (int) Math.min(Integer.MAX_VALUE, watches.values().stream().filter(w -> w.urgency == urgency)
                .mapToLong(w -> (now - w.lastAnsweredNanos) / 1_000_000).max().orElse(0));
    }
}
