package dev.baselinewatch.source.split;

import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.BaselineEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The mutable side of a {@link BaselineSplit}. Updated only as records are emitted, so a checkpoint
 * holds exactly what downstream has seen, never what a poll fetched but did not yet hand over.
 */
public final class BaselineSplitState {

    private final long baselineId;
    private final int[] inGroupIds;
    private final Map<InstanceKey, MutableSnapshot> instances = new HashMap<>();

    public BaselineSplitState(BaselineSplit split) {
        this.baselineId = split.baselineId();
        this.inGroupIds = split.inGroupIds();
        split.instances().forEach((key, snapshot) -> instances.put(key, new MutableSnapshot(snapshot)));
    }

    /** Records that {@code event} was emitted. */
    public void apply(BaselineEvent event) {
        MutableSnapshot snapshot = instances.computeIfAbsent(event.instanceKey(), k -> new MutableSnapshot(InstanceSnapshot.EMPTY));
        switch (event.type) {
            case STATUS -> {
                snapshot.statusFingerprint = Fingerprints.of(event.status);
                snapshot.finished = event.status.finished;
            }
            case RUN -> snapshot.runFingerprints.put(event.run.nodeInstanceId, Fingerprints.of(event.run));
            case TOPIC -> snapshot.topicIds.add(event.topic.topicId);
            case POLL_HEALTH -> snapshot.blind = event.health.blind;
            case ABSENT -> snapshot.absentNoticed = true;
        }
    }

    /** True when {@code event} says something not yet emitted for its instance. */
    public boolean isNew(BaselineEvent event) {
        MutableSnapshot snapshot = instances.get(event.instanceKey());
        if (snapshot == null) {
            return true;
        }
        return switch (event.type) {
            case STATUS -> snapshot.statusFingerprint != Fingerprints.of(event.status);
            case RUN -> !Long.valueOf(Fingerprints.of(event.run)).equals(snapshot.runFingerprints.get(event.run.nodeInstanceId));
            case TOPIC -> !snapshot.topicIds.contains(event.topic.topicId);
            case POLL_HEALTH -> snapshot.blind != event.health.blind;
            case ABSENT -> !snapshot.absentNoticed;
        };
    }

    /** A status was emitted for this instance and it was not finished: it exists, and its finish is still to see. */
    public boolean seenUnfinished(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.statusFingerprint != 0 && !snapshot.finished;
    }

    public boolean isFinished(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.finished;
    }

    public long baselineId() {
        return baselineId;
    }

    public int[] inGroupIds() {
        return inGroupIds.clone();
    }

    /** Forgets instances that are no longer live (their business date rolled out of the watch window). */
    public void retainOnly(Collection<InstanceKey> live) {
        instances.keySet().retainAll(new HashSet<>(live));
    }

    public BaselineSplit toSplit() {
        Map<InstanceKey, InstanceSnapshot> frozen = new HashMap<>();
        instances.forEach((key, snapshot) -> frozen.put(key, snapshot.freeze()));
        return new BaselineSplit(baselineId, inGroupIds, frozen);
    }

    private static final class MutableSnapshot {
        long statusFingerprint;
        final Map<Long, Long> runFingerprints;
        final Set<Long> topicIds;
        boolean finished;
        boolean blind;
        boolean absentNoticed;

        MutableSnapshot(InstanceSnapshot from) {
            statusFingerprint = from.statusFingerprint();
            runFingerprints = new HashMap<>(from.runFingerprints());
            topicIds = new HashSet<>(from.topicIds());
            finished = from.finished();
        }

        InstanceSnapshot freeze() {
            return new InstanceSnapshot(statusFingerprint, runFingerprints, topicIds, finished);
        }
    }
}
