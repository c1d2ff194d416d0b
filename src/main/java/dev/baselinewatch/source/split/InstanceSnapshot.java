package dev.baselinewatch.source.split;

import java.util.Map;

/**
 * What was last emitted for one baseline instance, reduced to fingerprints: enough to emit only
 * changes after a restore, small enough to checkpoint hundreds of instances.
 *
 * @param statusFingerprint of the last STATUS event, 0 before the first
 * @param runFingerprints node instance id to the fingerprint of its last RUN event
 * @param topics DataWorks events already emitted, by topic id, with the fingerprint of what was last said of
 *     them (type and status; a sighting on the key path says neither)
 * @param finished the instance has finished: it is not polled again
 * @param blind a blind-spot event was emitted and not yet taken back
 * @param absent DataWorks said the instance does not exist, and that was emitted
 */
public record InstanceSnapshot(
        long statusFingerprint, Map<Long, Long> runFingerprints, Map<Long, Long> topics, boolean finished, boolean blind,
        boolean absent) {

    public static final InstanceSnapshot EMPTY = new InstanceSnapshot(0L, Map.of(), Map.of(), false, false, false);

    public InstanceSnapshot {
        runFingerprints = Map.copyOf(runFingerprints);
        topics = Map.copyOf(topics);
    }
}
