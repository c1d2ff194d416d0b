package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.metrics.MetricGroup;

/**
 * Runs on the fetcher thread, never the task thread: polls every assigned baseline once per poll
 * interval. Between rounds it waits on a monitor that {@link #wakeUp()} releases, so the fetcher
 * can be paused, given new splits or shut down at any moment.
 */
public final class BaselineSplitReader implements SplitReader<PolledRecord, BaselineSplit> {

    private final DataWorksApi api;
    private final BaselinePoller poller;
    private final long pollIntervalNanos;
    private final Map<String, BaselineSplitState> splits = new LinkedHashMap<>();
    private final Object monitor = new Object();
    private boolean wokenUp;
    private long nextRoundAt = System.nanoTime();

    public BaselineSplitReader(DataWorksApi api, ZoneId projectZone, Duration pollInterval, MetricGroup metrics) {
        this.api = api;
        this.poller = new BaselinePoller(api, projectZone, new ServiceClock(), new PollCounters(metrics));
        this.pollIntervalNanos = pollInterval.toNanos();
    }

    @Override
    public RecordsWithSplitIds<PolledRecord> fetch() throws IOException {
        RecordsBySplits.Builder<PolledRecord> records = new RecordsBySplits.Builder<>();
        if (!awaitNextRound()) {
            return records.build();
        }
        nextRoundAt = System.nanoTime() + pollIntervalNanos;
        for (Map.Entry<String, BaselineSplitState> split : splits.entrySet()) {
            try {
                records.addAll(split.getKey(), poller.pollRound(split.getValue()));
            } catch (DataWorksException e) {
                // Fatal for the job: failing the fetcher fails the task with this message.
                throw new IOException("DataWorks refused the job's calls; fix the configuration or account: "
                        + e.getMessage(), e);
            }
        }
        return records.build();
    }

    /** Waits for the next round; false when woken up early, so the fetcher can do other work first. */
    private boolean awaitNextRound() {
        synchronized (monitor) {
            long waitNanos;
            while (!wokenUp && (waitNanos = nextRoundAt - System.nanoTime()) > 0) {
                try {
                    monitor.wait(Math.max(1, waitNanos / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            boolean early = wokenUp;
            wokenUp = false;
            return !early;
        }
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
        synchronized (monitor) {
            wokenUp = true;
            monitor.notifyAll();
        }
    }

    @Override
    public void close() throws Exception {
        api.close();
    }
}
