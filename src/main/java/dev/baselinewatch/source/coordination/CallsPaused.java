package dev.baselinewatch.source.coordination;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * DataWorks throttled a reader (or its daily cap is spent): the reader tells the enumerator, which
 * tells every reader, so all of them stop calling until {@code untilEpochMillis} (wall clock) instead
 * of each one finding out by being throttled in turn.
 *
 * @param reason THROTTLED or DAILY_QUOTA_SPENT, as blind-spot events name it
 */
public record CallsPaused(long untilEpochMillis, String reason) implements SourceEvent {

    private static final long serialVersionUID = 1L;
}
