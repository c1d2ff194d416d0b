package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls benchmark's yardstick, test scope only: a poller without urgency, listings or budget.
 * Every poll interval it asks {@code GetBaselineStatus} and then {@code GetBaselineKeyPath} for every
 * live instance (today's and yesterday's business date, every watched cycle) not yet seen finished,
 * one call after another as the real reader makes them, and emits only what changed, through the same
 * split state and event mapping, ending every split's round the same way so the watermark moves.
 * Downstream, the job cannot tell it from {@link BaselineSplitReader}; only the calls differ.
 *
 * <p>An instance DataWorks says does not exist is asked once and then left alone (asking again each
 * round would only inflate the naive count). A failed call is not retried: the next round asks again.
 */
public final class NaiveSplitReader implements SplitReader<PolledRecord, BaselineSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(NaiveSplitReader.class);

    private final DataWorksApi api;
    private final ZoneId projectZone;
    private final long pollIntervalNanos;
    private final ServiceClock clock = new ServiceClock();
    private final FetcherSleeper sleeper = new FetcherSleeper();
    private final Map<String, BaselineSplitState> splits = new LinkedHashMap<>();
    private final Set<InstanceKey> absent = new HashSet<>();
    private long nextRoundAt = System.nanoTime();

    public NaiveSplitReader(DataWorksApi api, ZoneId projectZone, Duration pollInterval) {
        this.api = api;
        this.projectZone = projectZone;
        this.pollIntervalNanos = pollInterval.toNanos();
    }

    @Override
    public RecordsWithSplitIds<PolledRecord> fetch() throws IOException {
        RecordsBySplits.Builder<PolledRecord> records = new RecordsBySplits.Builder<>();
        if (!sleeper.sleepUntil(nextRoundAt)) {
            return records.build();
        }
        nextRoundAt = System.nanoTime() + pollIntervalNanos;
        if (!clock.known() && !splits.isEmpty()) {
            learnClock(splits.values().iterator().next());
        }
        if (!clock.known()) {
            return records.build();
        }
        boolean stopped = false;
        for (Map.Entry<String, BaselineSplitState> split : splits.entrySet()) {
            BaselineSplitState state = split.getValue();
            List<InstanceKey> live = liveInstances(state);
            List<PolledRecord> out = new ArrayList<>();
            for (InstanceKey key : live) {
                if (stopped || state.isFinished(key) || absent.contains(key)) {
                    continue;
                }
                stopped = !poll(key, state, out);
            }
            // Like the real reader: DataWorks time moves on for every split each round, answers or not.
            out.add(PolledRecord.endOfRound(clock.estimatedNow(), live));
            // The fetcher's own copy of the split state forgets rolled-out dates too, as the real reader's does.
            state.retainOnly(live);
            records.addAll(split.getKey(), out);
        }
        return records.build();
    }

    /** Status, then the key path while unfinished; false when DataWorks asks the reader to stop calling for now. */
    private boolean poll(InstanceKey key, BaselineSplitState state, List<PolledRecord> out) throws IOException {
        try {
            ApiAnswer<BaselineStatus> status = api.getBaselineStatus(key.baselineId(), key.bizdate(), key.inGroupId());
            clock.observe(status.serverTimeMillis());
            if (status.data() == null) {
                return true;
            }
            BaselineEvent statusEvent = BaselineEvent.of(key, status.serverTimeMillis(), status.requestId());
            statusEvent.type = EventType.STATUS;
            statusEvent.status = EventMapper.status(status.data());
            if (!statusEvent.status.finished) {
                ApiAnswer<List<KeyPathNode>> path = api.getBaselineKeyPath(key.baselineId(), key.bizdate(), key.inGroupId());
                clock.observe(path.serverTimeMillis());
                emitKeyPath(key, path, state, out);
            }
            // Status last, as the real reader does: once it says finished, the instance is not asked again.
            emitIfNew(statusEvent, state, out);
            return true;
        } catch (DataWorksException e) {
            return failed(key, state, e, out);
        }
    }

    private boolean failed(InstanceKey key, BaselineSplitState state, DataWorksException e, List<PolledRecord> out) throws IOException {
        if (e.serverTimeMillis() > 0) {
            clock.observe(e.serverTimeMillis());
        }
        switch (e.errorClass()) {
            case FATAL -> throw new SuppressRestartsException(new IOException("DataWorks refused the naive poller: " + e.getMessage(), e));
            case NOT_FOUND -> {
                absent.add(key);
                emitIfNew(EventMapper.absent(key, e.serverTimeMillis(), e.requestId(), state.profile(), projectZone), state, out);
                return true;
            }
            case THROTTLED, DAILY_CAP -> {
                long waitNanos = Math.max(pollIntervalNanos, e.retryAfterMillis() * 1_000_000);
                nextRoundAt = System.nanoTime() + waitNanos;
                LOG.warn("Naive poller throttled ({}): the round stops, the next one in {} ms", e.code(), waitNanos / 1_000_000);
                return false;
            }
            default -> {
                LOG.debug("Naive poll of {} failed, asked again next round: {}", key, e.getMessage());
                return true;
            }
        }
    }

    /** One GetBaselineStatus tells DataWorks time, hence which business dates are live (an error answer tells it too). */
    private void learnClock(BaselineSplitState state) throws IOException {
        InstanceKey probe = liveInstances(state).get(0);
        try {
            clock.observe(api.getBaselineStatus(probe.baselineId(), probe.bizdate(), probe.inGroupId()).serverTimeMillis());
        } catch (DataWorksException e) {
            if (e.errorClass() == ErrorClass.FATAL) {
                throw new SuppressRestartsException(new IOException("DataWorks refused the naive poller: " + e.getMessage(), e));
            }
            if (e.serverTimeMillis() > 0) {
                clock.observe(e.serverTimeMillis());
            }
        }
    }

    /** The same live instances as the real reader: the current and the previous business date, every cycle. */
    private List<InstanceKey> liveInstances(BaselineSplitState state) {
        return state.liveInstances(Bizdates.currentBizdate(clock.now(), projectZone));
    }

    private static void emitKeyPath(InstanceKey key, ApiAnswer<List<KeyPathNode>> path, BaselineSplitState state, List<PolledRecord> out) {
        EventMapper.keyPath(key, path).forEach(event -> emitIfNew(event, state, out));
    }

    private static void emitIfNew(BaselineEvent event, BaselineSplitState state, List<PolledRecord> out) {
        if (state.isNew(event)) {
            state.apply(event);
            out.add(PolledRecord.change(event));
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<BaselineSplit> change) {
        if (change instanceof SplitsAddition<BaselineSplit> addition) {
            for (BaselineSplit split : addition.splits()) {
                splits.put(split.splitId(), new BaselineSplitState(split));
            }
            nextRoundAt = System.nanoTime();
        }
    }

    @Override
    public void wakeUp() {
        sleeper.wakeUp();
    }

    @Override
    public void close() {
        api.close();
    }
}
