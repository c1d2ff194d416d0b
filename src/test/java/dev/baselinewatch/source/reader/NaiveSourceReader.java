package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.coordination.ReaderSplitsReport;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.core.io.InputStatus;

/**
 * The naive poller's source reader: one fetcher thread running a {@link NaiveSplitReader}, the real
 * source's record emitter and split state. It asks the enumerator for nothing (no call budget to
 * lease), and tells it which baselines it holds, as the real reader does. The benchmark's watch list
 * does not change during a run (discovery refreshes hourly), so configuration changes and retirements
 * are not followed.
 */
public final class NaiveSourceReader
        extends SingleThreadMultiplexSourceReaderBase<PolledRecord, BaselineEvent, BaselineSplit, BaselineSplitState> {

    private final Map<String, BaselineSplitState> states = new HashMap<>();

    public NaiveSourceReader(Supplier<NaiveSplitReader> splitReaderSupplier, SourceReaderContext context) {
        super(splitReaderSupplier::get, new BaselineRecordEmitter(), new Configuration(), context);
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<BaselineEvent> output) throws Exception {
        if (states.isEmpty()) {
            // Nothing to watch here: do not hold back the other readers' watermark.
            output.markIdle();
        }
        return super.pollNext(output);
    }

    @Override
    public void addSplits(List<BaselineSplit> splits) {
        super.addSplits(splits);
        context.sendSourceEventToCoordinator(new ReaderSplitsReport(
                states.values().stream().map(BaselineSplitState::baselineId).collect(Collectors.toSet())));
    }

    @Override
    protected void onSplitFinished(Map<String, BaselineSplitState> finishedSplitIds) {
        states.keySet().removeAll(finishedSplitIds.keySet());
    }

    @Override
    protected BaselineSplitState initializedState(BaselineSplit split) {
        BaselineSplitState state = new BaselineSplitState(split);
        states.put(split.splitId(), state);
        return state;
    }

    @Override
    protected BaselineSplit toSplitType(String splitId, BaselineSplitState state) {
        return state.toSplit();
    }
}
