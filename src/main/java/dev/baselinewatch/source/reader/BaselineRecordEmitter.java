package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.split.BaselineSplitState;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits changes with DataWorks time as event time, and turns each end of round into a watermark,
 * so event-time deadlines fire on schedule even for instances that produce no new data.
 */
public final class BaselineRecordEmitter implements RecordEmitter<PolledRecord, BaselineEvent, BaselineSplitState> {

    @Override
    public void emitRecord(PolledRecord record, SourceOutput<BaselineEvent> output, BaselineSplitState state) {
        if (record.isEndOfRound()) {
            state.retainOnly(record.liveInstances());
            // Minus one: a later answer can carry the same Date-header second as this round.
            output.emitWatermark(new Watermark(record.roundTime() - 1));
            return;
        }
        BaselineEvent event = record.event();
        output.collect(event, event.observedAt);
        state.apply(event);
    }
}
