package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/** The source reader: one fetcher thread polls all of this reader's baselines. Splits never finish. */
public final class BaselineSourceReader
        extends SingleThreadMultiplexSourceReaderBase<PolledRecord, BaselineEvent, BaselineSplit, BaselineSplitState> {

    public BaselineSourceReader(
            Supplier<BaselineSplitReader> splitReaderSupplier, Configuration config, SourceReaderContext context) {
        super(splitReaderSupplier::get, new BaselineRecordEmitter(), config, context);
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, BaselineSplitState> finishedSplitIds) {
        // Baselines are watched until the job stops.
    }

    @Override
    protected BaselineSplitState initializedState(BaselineSplit split) {
        return new BaselineSplitState(split);
    }

    @Override
    protected BaselineSplit toSplitType(String splitId, BaselineSplitState state) {
        return state.toSplit();
    }
}
