package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.TopicInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DataWorks events (topics) seen on key paths and not over yet. Their type and status come only from
 * {@code GetTopic}, asked once when an event is first seen and then every check interval until it
 * is recovered or ignored, so an event that closes is known to close even while the key path is not
 * read. Bounded: events of instances that finished or rolled out of the watch are dropped.
 */
final class TopicWatch {

    /** An open event, the instance whose key path showed it, and when to ask about it next ({@link System#nanoTime()}). */
    record Open(InstanceKey key, TopicInfo seen, long nextCheckNanos) {}

    private final Map<Long, Open> open = new LinkedHashMap<>();
    private final long checkEveryNanos;

    TopicWatch(long checkEveryNanos) {
        this.checkEveryNanos = checkEveryNanos;
    }

    /** A key path showed this event; it is asked about at once if it is new. */
    void seen(InstanceKey key, TopicInfo topic) {
        open.putIfAbsent(topic.topicId, new Open(key, topic, System.nanoTime()));
    }

    List<Open> due(long baselineId, long nowNanos) {
        List<Open> due = new ArrayList<>();
        for (Open event : open.values()) {
            if (event.key().baselineId() == baselineId && event.nextCheckNanos() - nowNanos <= 0) {
                due.add(event);
            }
        }
        return due;
    }

    /** Asked about: closed ones are forgotten, open ones asked again one interval later. */
    void checked(Open event, boolean closed) {
        if (closed) {
            open.remove(event.seen().topicId);
        } else {
            open.put(event.seen().topicId, new Open(event.key(), event.seen(), System.nanoTime() + checkEveryNanos));
        }
    }

    void forget(Open event) {
        open.remove(event.seen().topicId);
    }

    /** Drops the events of instances that finished or are no longer live. */
    void retain(Collection<InstanceKey> watched) {
        Set<InstanceKey> keep = new HashSet<>(watched);
        open.values().removeIf(event -> !keep.contains(event.key()));
    }

    int size() {
        return open.size();
    }
}
