package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.coordination.BaselineReconfigured;
import dev.baselinewatch.source.coordination.BaselineRetired;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceEvent;
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
 * Runs on the fetcher thread, never the task thread: every poll interval, a round asks DataWorks
 * about the instances that are due by their urgency, across all assigned baselines. All waiting goes
 * through a {@link FetcherSleeper} that {@link #wakeUp()} releases, so the fetcher can be paused,
 * given new splits, told something by the enumerator or shut down at any moment, and checkpoints go
 * on while the API throttles or hangs.
 */
public final class BaselineSplitReader implements SplitReader<PolledRecord, BaselineSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineSplitReader.class);

    private final DataWorksApi api;
    private final BaselinePoller poller;
    private final CallPacer pacer;
    private final CoordinatorLink link;
    private final BudgetGovernor governor;
    private final FetcherSleeper sleeper = new FetcherSleeper();
    private final long pollIntervalNanos;
    private final ServiceClock clock;
    /** The poll interval, or longer when even the most degraded schedule would not last the day's budget. */
    private volatile long currentIntervalNanos;
    private boolean stretching;
    private final Map<String, BaselineSplitState> splits = new LinkedHashMap<>();
    private final List<String> retired = new ArrayList<>();
    private long nextRoundAt = System.nanoTime();
    private long lastTickAt = System.nanoTime();
    private long lastRoundEndedAt = System.nanoTime();
    /** Rounds start at a different split each time, so a throttled round does not always starve the same ones. */
    private int roundStart;
    /** The listing of a round that stopped early, reused by the round that resumes it (if within one interval). */
    private StatusTriage.Listing resumableListing;
    private long resumableListingAt;

    /** A reader with no enumerator, spending its even share of the budget of {@code readers}: for tests and tools. */
    public BaselineSplitReader(DataWorksApi api, ZoneId projectZone, PollingOptions options, MetricGroup metrics, int readers) {
        this(api, projectZone, options, metrics, readers, CoordinatorLink.standalone(options.budget().share(readers)));
    }

    /** @param readers how many readers share the job's call budget (the source's parallelism) */
    public BaselineSplitReader(DataWorksApi api, ZoneId projectZone, PollingOptions options, MetricGroup metrics, int readers,
            CoordinatorLink link) {
        this.api = api;
        this.link = link;
        this.pollIntervalNanos = options.pollInterval().toNanos();
        this.currentIntervalNanos = pollIntervalNanos;
        this.pacer = new CallPacer(options, projectZone, readers, link);
        this.governor = new BudgetGovernor(readers);
        this.clock = new ServiceClock();
        PollCounters counters = new PollCounters(metrics);
        counters.gauge("dailyQuotaSpent", () -> pacer.dailyCapSpent() || pacer.budgetSpentToday() ? 1 : 0);
        counters.gauge("budgetLeftToday", () -> (int) Math.min(Integer.MAX_VALUE, pacer.leftToday()));
        counters.gauge("roundIntervalMillis", () -> (int) Math.min(Integer.MAX_VALUE, currentIntervalNanos / 1_000_000));
        counters.gauge("budgetDegradationLevel", governor::level);
        this.poller = new BaselinePoller(api, projectZone, clock, counters, pacer, sleeper, new PollSchedule(options),
                pollIntervalNanos, options.farPollInterval().toNanos(), options.nearHorizon().toMillis());
        link.onReceived(sleeper::wakeUp);
    }

    @Override
    public RecordsWithSplitIds<PolledRecord> fetch() throws IOException {
        RecordsBySplits.Builder<PolledRecord> records = new RecordsBySplits.Builder<>();
        applyEnumeratorEvents();
        if (!retired.isEmpty() || link.hasOutgoing()) {
            // Hand back retired splits, and let the task thread send what waits for the enumerator, before any waiting.
            retired.forEach(records::addFinishedSplit);
            retired.clear();
            return records.build();
        }
        // Wake at least once a poll interval, even when rounds are spaced out for the budget or calls are paused.
        if (!sleeper.sleepUntil(Math.min(nextRoundAt, lastTickAt + pollIntervalNanos))) {
            return records.build();
        }
        lastTickAt = System.nanoTime();
        if (lastTickAt - nextRoundAt < 0 || pacer.nextCallAtNanos() - lastTickAt > pollIntervalNanos) {
            return idleRounds(records);
        }
        try {
            if (!poller.knowsServiceClock() && !splits.isEmpty()) {
                List<InstanceKey> due = poller.due(splits.values(), System.nanoTime());
                if (!due.isEmpty()) {
                    poller.learnClock(due.get(0));
                }
                if (!poller.knowsServiceClock() || pacer.nextCallAtNanos() - System.nanoTime() > pollIntervalNanos) {
                    // No answer yet (woken up, API unreachable), or the probe was throttled: no round on a guessed clock.
                    nextRoundAt = System.nanoTime();
                    return idleRounds(records);
                }
            }
            return pollRounds(records);
        } catch (DataWorksException e) {
            throw fatal(e);
        }
    }

    /** Instances the fetcher's copies of its splits remember (for tests: it must not grow day by day). */
    List<InstanceKey> instancesHeld() {
        return splits.values().stream().flatMap(state -> state.instancesHeld().stream()).toList();
    }

    private RecordsWithSplitIds<PolledRecord> pollRounds(RecordsBySplits.Builder<PolledRecord> records) throws DataWorksException {
        long roundStartedAt = System.nanoTime();
        long spentBefore = pacer.callsSpent();
        nextRoundAt = roundStartedAt + pollIntervalNanos;
        StatusTriage.Listing listing = resumableListing != null && roundStartedAt - resumableListingAt < pollIntervalNanos
                ? resumableListing
                : poller.triage(splits.values(), roundStartedAt);
        resumableListing = null;
        if (listing.stopped()) {
            nextRoundAt = System.nanoTime();
            return idleRounds(records);
        }
        List<Map.Entry<String, BaselineSplitState>> order = new ArrayList<>(splits.entrySet());
        List<InstanceKey> live = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Map.Entry<String, BaselineSplitState> split = order.get((roundStart + i) % order.size());
            BaselinePoller.Round round = poller.pollRound(split.getValue(), listing, governor.level(), roundStartedAt);
            records.addAll(split.getKey(), round.records());
            if (round.stopped()) {
                // Paused, woken up or out of leased calls: the splits not reached yet go first next time, with this listing.
                roundStart = (roundStart + i) % order.size();
                nextRoundAt = System.nanoTime();
                resumableListing = listing;
                resumableListingAt = roundStartedAt;
                return records.build();
            }
            List<InstanceKey> splitLive = poller.liveInstances(split.getValue());
            // This copy of the split's state is the fetcher's own: it forgets rolled-out business dates
            // here, as the emitter's copy does at the end of the round, or it grows by a day's instances a day.
            split.getValue().retainOnly(splitLive);
            live.addAll(splitLive);
        }
        poller.retainWatches(live);
        roundStart = order.isEmpty() ? 0 : (roundStart + 1) % order.size();
        long spent = pacer.callsSpent() - spentBefore;
        pacer.roundSpent(spent);
        long now = System.nanoTime();
        governor.roundEnded(spent, now - lastRoundEndedAt, pacer.leftToday(), wallNanosLeftToday());
        lastRoundEndedAt = now;
        nextRoundAt = roundStartedAt + intervalForBudget(spent);
        return records.build();
    }

    /**
     * No round now (spaced out, throttled, quota spent): no calls, but DataWorks time goes on, so
     * deadlines still pass, the instances known to be unfinished still alert, and blind spots show.
     */
    private RecordsWithSplitIds<PolledRecord> idleRounds(RecordsBySplits.Builder<PolledRecord> records) {
        splits.forEach((id, state) -> records.addAll(id, poller.idleRound(state, governor.level())));
        return records.build();
    }

    private void applyEnumeratorEvents() {
        pacer.applyBudgetEvents();
        for (SourceEvent event : link.drainWatchEvents()) {
            if (event instanceof BaselineReconfigured change) {
                BaselineSplitState state = splits.get(BaselineSplit.splitIdOf(change.baselineId()));
                if (state != null) {
                    state.reconfigure(change.inGroupIds(), change.profile());
                }
            } else if (event instanceof BaselineRetired retire) {
                String splitId = BaselineSplit.splitIdOf(retire.baselineId());
                if (splits.remove(splitId) != null) {
                    retired.add(splitId);
                }
            }
        }
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
     * {@code callsPerRound} would spend today's budget before the day ends even at the most degraded
     * schedule: the last resort, after {@link BudgetGovernor} slowed the low priorities.
     */
    private long intervalForBudget(long callsPerRound) {
        long left = pacer.leftToday();
        long interval = pollIntervalNanos;
        if (left != Long.MAX_VALUE && callsPerRound > 0 && governor.level() == BudgetGovernor.MAX_LEVEL) {
            double roundsLeft = Math.max(1.0, (double) left / callsPerRound);
            interval = Math.max(pollIntervalNanos, (long) (wallNanosLeftToday() / roundsLeft));
        }
        if (interval > pollIntervalNanos && !stretching) {
            LOG.warn("At {} calls a round, today's DataWorks call budget ({} left) would run out before the day ends even "
                    + "with low priorities slowed: polling every {} ms instead of {} ms until it resets", callsPerRound, left,
                    interval / 1_000_000, pollIntervalNanos / 1_000_000);
        }
        stretching = interval > pollIntervalNanos;
        currentIntervalNanos = interval;
        return interval;
    }

    private long wallNanosLeftToday() {
        long now = clock.now();
        double serviceMillisLeft = pacer.dayEnds(now).toEpochMilli() - now;
        return (long) (serviceMillisLeft / clock.rate() * 1_000_000);
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
