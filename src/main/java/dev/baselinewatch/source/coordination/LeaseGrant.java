package dev.baselinewatch.source.coordination;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to reader: {@code calls} of the day's budget are the reader's to spend (0 when the day's
 * budget is spent); {@code leftToday} is what the whole job has left, which readers use to judge
 * whether their pace lasts the day.
 */
public record LeaseGrant(long epochDay, int calls, long leftToday) implements SourceEvent {

    private static final long serialVersionUID = 1L;
}
