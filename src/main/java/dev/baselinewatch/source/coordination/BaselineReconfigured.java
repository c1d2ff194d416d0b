package dev.baselinewatch.source.coordination;

import dev.baselinewatch.source.split.BaselineProfile;
import org.apache.flink.api.connector.source.SourceEvent;

/** Enumerator to the owning reader: DataWorks' configuration of a watched baseline changed, or was read for the first time. */
public record BaselineReconfigured(long baselineId, int[] inGroupIds, BaselineProfile profile) implements SourceEvent {

    private static final long serialVersionUID = 1L;
}
