package dev.baselinewatch.source.split;

import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Stable 64-bit fingerprints (FNV-1a over the fields that matter) so split state can tell a change
 * from a repeat without keeping whole answers. Stable across JVMs, unlike {@code Object.hashCode}.
 */
public final class Fingerprints {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprints() {}

    public static long of(StatusInfo s) {
        // The buffer is left out on purpose: it moves with every poll and carries no new fact.
        return hash(s.status, s.finished, s.finishTime, s.slaTime, s.expTime, s.endCast, s.priority, s.owner, s.baselineName);
    }

    public static long of(RunInfo r) {
        return hash(r.nodeId, r.position, r.pathLength, r.runCount, r.runStatus, r.beginWaitTimeTime, r.beginWaitResTime,
                r.beginRunningTime, r.finishTime, r.beginCast, r.endCast, r.absTime, r.owner, r.nodeName);
    }

    public static long of(TopicInfo t) {
        return hash(t.type, t.status);
    }

    private static long hash(Object... fields) {
        long h = FNV_OFFSET;
        for (Object field : fields) {
            for (byte b : (Objects.toString(field) + '\u0001').getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= FNV_PRIME;
            }
        }
        // 0 means "nothing emitted yet" in a snapshot.
        return h == 0 ? 1 : h;
    }
}
