package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.execution.SuppressRestartsException;

/**
 * Runs on the fetcher thread, never the task thread: polls every assigned baseline once per poll
 * interval, later when DataWorks asked the reader to slow down. All waiting goes through a
 * {@link FetcherSleeper} that {@link #wakeUp()} releases, so the fetcher can be paused, given new
 * splits or shut down at any moment, and checkpoints go on while the API throttles or hangs.
 */
public final class BaselineSplitReader implements SplitReader<PolledRecord, BaselineSplit> {

    private final DataWorksApi api;
    private final BaselinePoller poller;
    private final CallPacer pacer;
    private final FetcherSleeper sleeper = new FetcherSleeper();
    private final long pollIntervalNanos;
    private final Map<String, BaselineSplitState> splits = new LinkedHashMap<>();
    private long nextRoundAt = System.nanoTime();
    /** Rounds start at a different split each time, so a throttled round does not always starve the same ones. */
    private int roundStart;

    public BaselineSplitReader(DataWorksApi api, ZoneId projectZone, PollingOptions options, MetricGroup metrics) {
        this.api = api;
        this.pollIntervalNanos = options.pollInterval().toNanos();
        this.pacer = new CallPacer(options, projectZone);
        PollCounters counters = new PollCounters(metrics);
        counters.gauge("dailyQuotaSpent", () -> pacer.dailyCapSpent() ? 1 : 0);
        this.poller = new BaselinePoller(api, projectZone, new ServiceClock(), counters, pacer, sleeper, pollIntervalNanos);
    }

    @Override
    public RecordsWithSplitIds<PolledRecord> fetch() throws IOException {
        RecordsBySplits.Builder<PolledRecord> records = new RecordsBySplits.Builder<>();
        if (!sleeper.sleepUntil(Math.max(nextRoundAt, pacer.pausedUntilNanos()))) {
            return records.build();
        }
        nextRoundAt = System.nanoTime() + pollIntervalNanos;
        List<Map.Entry<String, BaselineSplitState>> order = new ArrayList<>(splits.entrySet());
        for (int i = 0; i < order.size(); i++) {
            Map.Entry<String, BaselineSplitState> split = order.get((roundStart + i) % order.size());
            BaselinePoller.Round round;
            try {
                round = poller.pollRound(split.getValue());
            } catch (DataWorksException e) {
                // Fatal for the job: restarting cannot fix a wrong endpoint or an edition without API access,
                // so the job fails at once with this message instead of restarting forever.
                throw new SuppressRestartsException(new IOException(
                        "DataWorks refused the job's calls; fix the configuration or account: " + e.getMessage(), e));
            }
            records.addAll(split.getKey(), round.records());
            if (round.stopped()) {
                // Paused or woken up: the splits not reached yet go first next time.
                roundStart = (roundStart + i) % order.size();
                nextRoundAt = System.nanoTime();
                return records.build();
            }
        }
        roundStart = order.isEmpty() ? 0 : (roundStart + 1) % order.size();
        return records.build();
    }

    @Override
    public void handleSplitsChanges(SplitsChange<BaselineSplit> change) {
        if (change instanceof SplitsAddition<BaselineSplit> addition) {
            for (BaselineSplit split : addition.splits()) {
                splits.put(split.splitId(), new BaselineSplitState(split));
            }
            // New baselines are worth a look now, not one interval from now.
            nextRoundAt = System.nanoTime();
        }
    }

    @Override
    public void wakeUp() {
        sleeper.wakeUp();
    }

    @Override
    public void close() throws Exception {
        api.close();
    }
}
