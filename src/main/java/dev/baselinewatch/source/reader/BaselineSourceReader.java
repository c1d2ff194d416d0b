package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.coordination.BaselineReconfigured;
import dev.baselinewatch.source.coordination.ReaderSplitsReport;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.core.io.InputStatus;

/**
 * The source reader: one fetcher thread polls all of this reader's baselines. It is also the
 * fetcher's messenger: it carries the fetcher's requests to the enumerator ({@link CoordinatorLink})
 * and the enumerator's answers back, and tells the enumerator which baselines it holds. Splits end
 * only when the enumerator retires their baseline.
 */
public final class BaselineSourceReader
        extends SingleThreadMultiplexSourceReaderBase<PolledRecord, BaselineEvent, BaselineSplit, BaselineSplitState> {

    private final CoordinatorLink link;
    /** The same state objects the base class keeps, by split id: a configuration change must reach the checkpointed copy too. */
    private final Map<String, BaselineSplitState> states = new HashMap<>();

    public BaselineSourceReader(
            Supplier<BaselineSplitReader> splitReaderSupplier, Configuration config, SourceReaderContext context, CoordinatorLink link) {
        super(splitReaderSupplier::get, new BaselineRecordEmitter(), config, context);
        this.link = link;
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<BaselineEvent> output) throws Exception {
        link.flush(context::sendSourceEventToCoordinator);
        return super.pollNext(output);
    }

    @Override
    public void addSplits(List<BaselineSplit> splits) {
        super.addSplits(splits);
        reportSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof BaselineReconfigured change) {
            BaselineSplitState state = states.get(BaselineSplit.splitIdOf(change.baselineId()));
            if (state != null) {
                state.reconfigure(change.inGroupIds(), change.profile());
            }
        }
        link.received(event);
    }

    @Override
    protected void onSplitFinished(Map<String, BaselineSplitState> finishedSplitIds) {
        // Only a retired baseline's split finishes.
        states.keySet().removeAll(finishedSplitIds.keySet());
        reportSplits();
    }

    private void reportSplits() {
        context.sendSourceEventToCoordinator(new ReaderSplitsReport(
                states.values().stream().map(BaselineSplitState::baselineId).collect(Collectors.toSet())));
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
