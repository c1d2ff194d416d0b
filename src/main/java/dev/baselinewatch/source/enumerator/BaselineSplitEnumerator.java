package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.WatchSpec;
import dev.baselinewatch.source.WatchedBaseline;
import dev.baselinewatch.source.coordination.BaselineReconfigured;
import dev.baselinewatch.source.coordination.BaselineRetired;
import dev.baselinewatch.source.coordination.BudgetLedger;
import dev.baselinewatch.source.coordination.CallsPaused;
import dev.baselinewatch.source.coordination.LeaseRequest;
import dev.baselinewatch.source.coordination.ReaderSplitsReport;
import dev.baselinewatch.source.split.BaselineProfile;
import dev.baselinewatch.source.split.BaselineSplit;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the watch list and the call budget. Reads DataWorks' configuration of the named baselines and
 * discovers more by rule, on a timer; turns each baseline into one split, balanced over the readers
 * ({@link SplitAssigner}); tells the owning reader when a baseline's configuration changes or it is
 * retired; keeps the day's call ledger ({@link BudgetLedger}) and relays throttling to every reader.
 */
public final class BaselineSplitEnumerator implements SplitEnumerator<BaselineSplit, BaselineEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineSplitEnumerator.class);
    /** After a failed or partial discovery pass, the next try comes this soon, not a whole refresh interval later. */
    static final Duration RETRY_TICK = Duration.ofMinutes(1);

    private final SplitEnumeratorContext<BaselineSplit> context;
    private final WatchSpec spec;
    private final CallBudget budget;
    private final Supplier<DataWorksApi> apiFactory;
    private final SplitAssigner assigner;
    private final BudgetLedger ledger;
    private final Map<Long, WatchedBaseline> named = new HashMap<>();
    /** What the readers were last told of each baseline: cycles and profile. */
    private final Map<Long, BaselineSplit> told = new HashMap<>();
    /** Baselines the rules found in the last complete pass. */
    private final Set<Long> discovered = new HashSet<>();
    /** Messages for a baseline whose reader has not reported yet (after a restore). */
    private final Map<Long, SourceEvent> undelivered = new HashMap<>();
    private DataWorksApi api;
    private BaselineDiscovery discovery;
    private volatile long nextPassAtNanos = System.nanoTime();

    public BaselineSplitEnumerator(SplitEnumeratorContext<BaselineSplit> context, WatchSpec spec, CallBudget budget,
            Supplier<DataWorksApi> apiFactory, BaselineEnumState restored) {
        this.context = context;
        this.spec = spec;
        this.budget = budget;
        this.apiFactory = apiFactory;
        this.assigner = new SplitAssigner(context, restored == null ? Set.of() : restored.assignedBaselineIds(),
                restored == null ? List.of() : restored.unassigned());
        this.ledger = new BudgetLedger(budget.callsPerDay(), restored == null ? 0 : restored.budgetDay(),
                restored == null ? 0 : restored.budgetGranted());
        spec.baselines().forEach(b -> named.put(b.baselineId(), b));
    }

    @Override
    public void start() {
        api = apiFactory.get();
        discovery = new BaselineDiscovery(api, spec, budget.callsPerSecond(), this::holdReaders);
        long tick = Math.min(spec.refreshInterval().toMillis(), RETRY_TICK.toMillis());
        context.callAsync(this::discoverWhenDue, this::onDiscovery, 0, tick);
    }

    /** Keeps every reader's calls back while the enumerator makes one of its own (worker thread; the context relays). */
    private void holdReaders(long millis) {
        CallsPaused hold = new CallsPaused(System.currentTimeMillis() + millis, "CONFIGURATION_REFRESH");
        for (int reader : context.registeredReaders().keySet()) {
            context.sendEventToSourceReader(reader, hold);
        }
    }

    private BaselineDiscovery.Result discoverWhenDue() throws InterruptedException {
        if (System.nanoTime() - nextPassAtNanos < 0 || ledger.leftToday() == 0) {
            return null;
        }
        return discovery.run();
    }

    private void onDiscovery(BaselineDiscovery.Result result, Throwable error) {
        if (error != null) {
            LOG.warn("Reading baseline configurations from DataWorks failed; it is tried again shortly", error);
            result = new BaselineDiscovery.Result(Map.of(), Set.of(), false, 0, null);
        }
        if (result == null) {
            return;
        }
        ledger.spend(result.calls());
        if (result.fatal() != null) {
            throw new SuppressRestartsException(new IOException(
                    "DataWorks refused the job's calls; fix the configuration or account: " + result.fatal().getMessage(), result.fatal()));
        }
        nextPassAtNanos = System.nanoTime() + (result.complete() ? spec.refreshInterval() : RETRY_TICK).toNanos();
        if (result.complete()) {
            discovered.clear();
            discovered.addAll(result.discovered());
        } else {
            discovered.addAll(result.discovered());
        }
        Set<Long> wanted = new HashSet<>(named.keySet());
        wanted.addAll(discovered);
        for (long id : wanted) {
            watch(id, result.profiles().get(id));
        }
        if (result.complete()) {
            // Only a complete listing proves a baseline gone; a partial one may just not have reached it.
            for (long id : new HashSet<>(assigner.allIds())) {
                if (!wanted.contains(id)) {
                    retire(id);
                }
            }
        }
        assigner.assignPending();
    }

    /** Creates the split of a baseline new to the watch, or brings a known one's configuration up to date. */
    private void watch(long baselineId, BaselineProfile read) {
        BaselineSplit before = told.get(baselineId);
        BaselineProfile profile = read != null ? read : before != null ? before.profile() : BaselineProfile.UNKNOWN;
        WatchedBaseline configured = named.get(baselineId);
        int[] fromDataWorks = profile.committedMinutes().isEmpty() ? null : profile.cyclesOr(new int[] {1});
        int[] cycles = configured != null ? configured.cyclesOr(fromDataWorks) : fromDataWorks != null ? fromDataWorks : new int[] {1};
        BaselineSplit latest = BaselineSplit.fresh(baselineId, cycles, profile);
        if (!assigner.knows(baselineId)) {
            LOG.info("Watching baseline {} ({}, cycles {})", baselineId, profile.name() == null ? "configuration unknown" : profile.name(),
                    Arrays.toString(cycles));
            assigner.add(latest);
        } else if (assigner.pending(baselineId) != null) {
            assigner.add(assigner.pending(baselineId).withProfile(cycles, profile));
        } else if (before == null || !before.profile().equals(profile) || !Arrays.equals(before.inGroupIds(), cycles)) {
            assigner.setWeight(baselineId, cycles.length);
            deliver(baselineId, new BaselineReconfigured(baselineId, cycles, profile));
        }
        told.put(baselineId, latest);
    }

    private void retire(long baselineId) {
        LOG.info("Baseline {} is no longer named or discovered: it is no longer watched", baselineId);
        boolean wasAssigned = assigner.assigned(baselineId);
        Integer owner = assigner.remove(baselineId);
        told.remove(baselineId);
        if (wasAssigned) {
            if (owner != null) {
                context.sendEventToSourceReader(owner, new BaselineRetired(baselineId));
            } else {
                undelivered.put(baselineId, new BaselineRetired(baselineId));
            }
        }
    }

    private void deliver(long baselineId, SourceEvent event) {
        Integer owner = assigner.owner(baselineId);
        if (owner != null && context.registeredReaders().containsKey(owner)) {
            context.sendEventToSourceReader(owner, event);
        } else {
            undelivered.put(baselineId, event);
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ReaderSplitsReport report) {
            assigner.reported(subtaskId, report.baselineIds());
            for (long id : report.baselineIds()) {
                SourceEvent waiting = undelivered.remove(id);
                if (waiting != null) {
                    context.sendEventToSourceReader(subtaskId, waiting);
                }
            }
        } else if (event instanceof LeaseRequest request) {
            context.sendEventToSourceReader(subtaskId, ledger.grant(request));
        } else if (event instanceof CallsPaused paused) {
            context.registeredReaders().keySet().stream()
                    .filter(reader -> reader != subtaskId)
                    .forEach(reader -> context.sendEventToSourceReader(reader, paused));
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assigner.assignPending();
    }

    @Override
    public void addSplitsBack(List<BaselineSplit> splits, int subtaskId) {
        LOG.info("Reader {} gave back {} baseline(s); they are reassigned", subtaskId, splits.size());
        assigner.givenBack(splits);
        assigner.assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assigner.assignPending();
    }

    @Override
    public BaselineEnumState snapshotState(long checkpointId) {
        return new BaselineEnumState(assigner.assignedIds(), assigner.pendingSplits(), ledger.epochDay(), ledger.granted());
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }
}
