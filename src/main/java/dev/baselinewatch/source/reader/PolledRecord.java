package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import java.util.List;

/**
 * What the fetcher hands the emitter for one split: a change to emit, or the end of a poll round,
 * which advances the watermark to DataWorks time (changes or not) and names the live instances.
 */
public record PolledRecord(BaselineEvent event, long roundTime, List<InstanceKey> liveInstances) {

    public static PolledRecord change(BaselineEvent event) {
        return new PolledRecord(event, event.observedAt, List.of());
    }

    public static PolledRecord endOfRound(long serverTime, List<InstanceKey> liveInstances) {
        return new PolledRecord(null, serverTime, List.copyOf(liveInstances));
    }

    public boolean isEndOfRound() {
        return event == null;
    }
}
