package dev.baselinewatch.source.split;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The mutable side of a {@link BaselineSplit}. Updated only as records are emitted, so a checkpoint
 * holds exactly what downstream has seen, never what a poll fetched but did not yet hand over.
 */
public final class BaselineSplitState {

    private final long baselineId;
    private int[] inGroupIds;
    private BaselineProfile profile;
    private final Map<InstanceKey, MutableSnapshot> instances = new HashMap<>();

    public BaselineSplitState(BaselineSplit split) {
        this.baselineId = split.baselineId();
        this.inGroupIds = split.inGroupIds();
        this.profile = split.profile();
        split.instances().forEach((key, snapshot) -> instances.put(key, new MutableSnapshot(snapshot)));
    }

    /** Records that {@code event} was emitted. */
    public void apply(BaselineEvent event) {
        MutableSnapshot snapshot = instances.computeIfAbsent(event.instanceKey(), k -> new MutableSnapshot(InstanceSnapshot.EMPTY));
        switch (event.type) {
            case STATUS -> {
                snapshot.statusFingerprint = Fingerprints.of(event.status);
                snapshot.finished = event.status.finished;
                snapshot.absent = false;
            }
            case RUN -> snapshot.runFingerprints.put(event.run.nodeInstanceId, Fingerprints.of(event.run));
            case TOPIC -> snapshot.topics.put(event.topic.topicId, Fingerprints.of(event.topic));
            case POLL_HEALTH -> snapshot.blind = event.health.blind;
            case ABSENT -> snapshot.absent = true;
        }
    }

    /** True when {@code event} says something not yet emitted for its instance. */
    public boolean isNew(BaselineEvent event) {
        MutableSnapshot snapshot = instances.get(event.instanceKey());
        if (snapshot == null) {
            // "Seen again" says nothing about an instance that was never blind.
            return event.type != EventType.POLL_HEALTH || event.health.blind;
        }
        return switch (event.type) {
            case STATUS -> snapshot.statusFingerprint != Fingerprints.of(event.status);
            case RUN -> !Long.valueOf(Fingerprints.of(event.run)).equals(snapshot.runFingerprints.get(event.run.nodeInstanceId));
            // A sighting on the key path says nothing of the status: it is news only the first time.
            case TOPIC -> !snapshot.topics.containsKey(event.topic.topicId)
                    || event.topic.status != null && snapshot.topics.get(event.topic.topicId) != Fingerprints.of(event.topic);
            case POLL_HEALTH -> snapshot.blind != event.health.blind;
            // Absence matters once, and only for an instance that never showed a status.
            case ABSENT -> !snapshot.absent && snapshot.statusFingerprint == 0;
        };
    }

    /** A status was emitted for this instance and it was not finished: it exists, and its finish is still to see. */
    public boolean seenUnfinished(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.statusFingerprint != 0 && !snapshot.finished;
    }

    /** A status was emitted for this instance: DataWorks has it. */
    public boolean seen(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.statusFingerprint != 0;
    }

    public boolean isFinished(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.finished;
    }

    public boolean isBlind(InstanceKey key) {
        MutableSnapshot snapshot = instances.get(key);
        return snapshot != null && snapshot.blind;
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

    /** DataWorks' configuration of the baseline changed (cycles, committed times, priority...). */
    public void reconfigure(int[] newInGroupIds, BaselineProfile newProfile) {
        this.inGroupIds = newInGroupIds.clone();
        this.profile = newProfile;
    }

    /** Live instances: the current and the previous business date, every watched cycle. */
    public List<InstanceKey> liveInstances(LocalDate currentBizdate) {
        List<InstanceKey> live = new ArrayList<>();
        for (LocalDate bizdate : List.of(currentBizdate.minusDays(1), currentBizdate)) {
            for (int inGroupId : inGroupIds) {
                live.add(new InstanceKey(baselineId, bizdate, inGroupId));
            }
        }
        return live;
    }

    /** Forgets instances that are no longer live (their business date rolled out of the watch window). */
    public void retainOnly(Collection<InstanceKey> live) {
        instances.keySet().retainAll(new HashSet<>(live));
    }

    /** Instances this state remembers something of: live ones only, once rolled-out dates are forgotten. */
    public java.util.Set<InstanceKey> instancesHeld() {
        return java.util.Set.copyOf(instances.keySet());
    }

    public BaselineSplit toSplit() {
        Map<InstanceKey, InstanceSnapshot> frozen = new HashMap<>();
        instances.forEach((key, snapshot) -> frozen.put(key, snapshot.freeze()));
        return new BaselineSplit(baselineId, inGroupIds, profile, frozen);
    }

    private static final class MutableSnapshot {
        long statusFingerprint;
        final Map<Long, Long> runFingerprints;
        final Map<Long, Long> topics;
        boolean finished;
        boolean blind;
        boolean absent;

        MutableSnapshot(InstanceSnapshot from) {
            statusFingerprint = from.statusFingerprint();
            runFingerprints = new HashMap<>(from.runFingerprints());
            topics = new HashMap<>(from.topics());
            finished = from.finished();
            blind = from.blind();
            absent = from.absent();
        }

        InstanceSnapshot freeze() {
            return new InstanceSnapshot(statusFingerprint, runFingerprints, topics, finished, blind, absent);
        }
    }
}
