package dev.baselinewatch.source.coordination;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: a reader asks for {@code calls} more of today's DataWorks calls. The daily
 * quota is one budget for the whole job, kept by the enumerator; {@code epochDay} is the project's
 * day on the service's clock as the reader sees it, so the ledger rolls over with DataWorks.
 */
public record LeaseRequest(long epochDay, int calls) implements SourceEvent {

    private static final long serialVersionUID = 1L;
}
