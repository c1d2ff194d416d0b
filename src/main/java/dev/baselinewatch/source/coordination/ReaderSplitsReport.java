package dev.baselinewatch.source.coordination;

import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: the baselines this reader now holds. After a restore at another parallelism
 * Flink hands restored splits to readers by itself; this is how the enumerator learns who owns what
 * (to send configuration changes and retirements to the right reader, and to balance new baselines).
 */
public record ReaderSplitsReport(Set<Long> baselineIds) implements SourceEvent {

    private static final long serialVersionUID = 1L;

    public ReaderSplitsReport {
        baselineIds = Set.copyOf(baselineIds);
    }
}
