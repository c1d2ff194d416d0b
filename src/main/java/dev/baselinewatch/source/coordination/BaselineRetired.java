package dev.baselinewatch.source.coordination;

import org.apache.flink.api.connector.source.SourceEvent;

/** Enumerator to the owning reader: stop watching this baseline (gone from the config, or no longer discovered). */
public record BaselineRetired(long baselineId) implements SourceEvent {

    private static final long serialVersionUID = 1L;
}
