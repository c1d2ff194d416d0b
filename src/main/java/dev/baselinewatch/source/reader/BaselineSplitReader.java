package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.event.InstanceKey;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the fetcher thread, never the task thread: polls every assigned baseline once per poll
 * interval, later when DataWorks asked the reader to slow down. All waiting goes through a
 * {@link FetcherSleeper} that {@link #wakeUp()} releases, so the fetcher can be paused, given new
 * splits or shut down at any moment, and checkpoints go on while the API throttles or hangs.
 */
public final class BaselineSplitReader implements SplitReader<PolledRecord, BaselineSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineSplitReader.class);

    private final DataWorksApi api;
    private final BaselinePoller poller;
    private final CallPacer pacer;
    private final FetcherSleeper sleeper = new FetcherSleeper();
    private final long pollIntervalNanos;
    private final ServiceClock clock;
    /** The poll interval, or longer when the day's budget would not last at that pace. */
    private volatile long currentIntervalNanos;
    private boolean stretching;
    private final Map<String, BaselineSplitState> splits = new LinkedHashMap<>();
    private long nextRoundAt = System.nanoTime();
    private long lastTickAt = System.nanoTime();
    /** Rounds start at a different split each time, so a throttled round does not always starve the same ones. */
    private int roundStart;

    /** @param readers how many readers share the job's call budget (the source's parallelism) */
    public BaselineSplitReader(DataWorksApi api, ZoneId projectZone, PollingOptions options, MetricGroup metrics, int readers) {
        this.api = api;
        this.pollIntervalNanos = options.pollInterval().toNanos();
        this.pacer = new CallPacer(options, projectZone, options.budget().share(readers));
        this.clock = new ServiceClock();
        PollCounters counters = new PollCounters(metrics);
        counters.gauge("dailyQuotaSpent", () -> pacer.dailyCapSpent() || pacer.budgetSpentToday() ? 1 : 0);
        counters.gauge("budgetLeftToday", () -> (int) Math.min(Integer.MAX_VALUE, pacer.leftToday(clock.now())));
        counters.gauge("roundIntervalMillis", () -> (int) Math.min(Integer.MAX_VALUE, currentIntervalNanos / 1_000_000));
        this.poller = new BaselinePoller(api, projectZone, clock, counters, pacer, sleeper, pollIntervalNanos);
    }

    @Override
    public RecordsWithSplitIds<PolledRecord> fetch() throws IOException {
        RecordsBySplits.Builder<PolledRecord> records = new RecordsBySplits.Builder<>();
        // Wake at least once a poll interval, even when rounds are spaced out for the budget or calls are paused.
        if (!sleeper.sleepUntil(Math.min(nextRoundAt, lastTickAt + pollIntervalNanos))) {
            return records.build();
        }
        lastTickAt = System.nanoTime();
        if (lastTickAt - nextRoundAt < 0 || pacer.nextCallAtNanos() - lastTickAt > pollIntervalNanos) {
            return idleRounds(records);
        }
        long roundStartedAt = System.nanoTime();
        long spentBefore = pacer.callsSpent();
        nextRoundAt = roundStartedAt + pollIntervalNanos;
        List<Map.Entry<String, BaselineSplitState>> order = new ArrayList<>(splits.entrySet());
        StatusTriage.Listing listing;
        try {
            if (!poller.knowsServiceClock() && !splits.isEmpty()) {
                List<InstanceKey> due = dueInstances();
                if (!due.isEmpty()) {
                    poller.learnClock(due.get(0));
                }
                if (pacer.nextCallAtNanos() - System.nanoTime() > pollIntervalNanos) {
                    // The probe was throttled or hit the daily cap: no round until calls may go again.
                    nextRoundAt = System.nanoTime();
                    return idleRounds(records);
                }
            }
            listing = poller.triage(dueInstances());
        } catch (DataWorksException e) {
            throw fatal(e);
        }
        if (listing.stopped()) {
            nextRoundAt = System.nanoTime();
            return idleRounds(records);
        }
        for (int i = 0; i < order.size(); i++) {
            Map.Entry<String, BaselineSplitState> split = order.get((roundStart + i) % order.size());
            BaselinePoller.Round round;
            try {
                round = poller.pollRound(split.getValue(), listing);
            } catch (DataWorksException e) {
                throw fatal(e);
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
        nextRoundAt = roundStartedAt + intervalForBudget(pacer.callsSpent() - spentBefore);
        return records.build();
    }

    /**
     * No round now (spaced out, throttled, quota spent): no calls, but DataWorks time goes on, so
     * deadlines still pass and the instances known to be unfinished still alert.
     */
    private RecordsWithSplitIds<PolledRecord> idleRounds(RecordsBySplits.Builder<PolledRecord> records) {
        splits.forEach((id, state) -> {
            PolledRecord idle = poller.idleRound(state);
            if (idle != null) {
                records.add(id, idle);
            }
        });
        return records.build();
    }

    private List<InstanceKey> dueInstances() {
        List<InstanceKey> due = new ArrayList<>();
        for (BaselineSplitState state : splits.values()) {
            for (InstanceKey key : poller.liveInstances(state.baselineId(), state.inGroupIds())) {
                if (poller.due(key, state)) {
                    due.add(key);
                }
            }
        }
        return due;
    }

    /**
     * Restarting cannot fix a wrong endpoint or an edition without API access, so the job fails at
     * once with this message instead of restarting forever.
     */
    private static SuppressRestartsException fatal(DataWorksException e) {
        return new SuppressRestartsException(new IOException(
                "DataWorks refused the job's calls; fix the configuration or account: " + e.getMessage(), e));
    }

    /**
     * The wait before the next round: the poll interval, stretched when rounds costing
     * {@code callsPerRound} at that pace would spend today's budget before the day ends.
     */
    private long intervalForBudget(long callsPerRound) {
        long now = clock.now();
        long left = pacer.leftToday(now);
        long interval = pollIntervalNanos;
        if (left != Long.MAX_VALUE && callsPerRound > 0) {
            double roundsLeft = Math.max(1.0, (double) left / callsPerRound);
            double serviceMillisLeft = pacer.dayEnds(now).toEpochMilli() - now;
            long needed = (long) (serviceMillisLeft / roundsLeft / clock.rate() * 1_000_000);
            interval = Math.max(pollIntervalNanos, needed);
        }
        if (interval > pollIntervalNanos && !stretching) {
            LOG.warn("At {} calls a round, today's DataWorks call budget ({} left) would run out before the day ends: "
                    + "polling every {} ms instead of {} ms until it resets", callsPerRound, left, interval / 1_000_000,
                    pollIntervalNanos / 1_000_000);
        }
        stretching = interval > pollIntervalNanos;
        currentIntervalNanos = interval;
        return interval;
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
