package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeTopic;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll round of one baseline: the status of each live, unfinished instance, and its key path
 * when it is at risk or past its alert time (that is when the culprit matters). Emits only changes.
 * Failed calls are treated by class (see {@link ErrorClass}): transient ones retried with backoff,
 * throttling and the daily cap pause the reader's calls, an unreadable baseline is reported and
 * polled rarely while the others go on, and a fatal error fails the job.
 */
final class BaselinePoller {

    private static final Logger LOG = LoggerFactory.getLogger(BaselinePoller.class);
    /** An instance that cannot be read (no permission) is tried again this many poll intervals later. */
    static final int UNREADABLE_RETRY_ROUNDS = 10;

    private final DataWorksApi api;
    private final ZoneId projectZone;
    private final ServiceClock clock;
    private final PollCounters counters;
    private final CallPacer pacer;
    private final PacedCaller caller;
    private final StatusTriage triage;
    private final long unreadableRetryNanos;
    /** Unreadable instances and when to try them again ({@link System#nanoTime()}). */
    private final Map<InstanceKey, Long> unreadable = new HashMap<>();
    /** Baselines whose every live instance was "not found", and for how many rounds in a row. */
    private final Map<Long, Integer> roundsNotFound = new HashMap<>();
    /** After this many rounds with no instance at all, the baseline id is probably wrong: say so once. */
    static final int NOT_FOUND_ROUNDS_BEFORE_WARNING = 3;

    BaselinePoller(DataWorksApi api, ZoneId projectZone, ServiceClock clock, PollCounters counters, CallPacer pacer,
            FetcherSleeper sleeper, long pollIntervalNanos) {
        this.api = api;
        this.projectZone = projectZone;
        this.clock = clock;
        this.counters = counters;
        this.pacer = pacer;
        this.caller = new PacedCaller(clock, counters, pacer, sleeper);
        this.triage = new StatusTriage(api, caller);
        this.unreadableRetryNanos = pollIntervalNanos * UNREADABLE_RETRY_ROUNDS;
        counters.gauge("unreadableInstances", unreadable::size);
    }

    /** What one round produced; {@code stopped} when it ended early (paused, woken up) and should be resumed soon. */
    record Round(List<PolledRecord> records, boolean stopped) {}

    /**
     * Before DataWorks has answered once, only the local clock tells which business dates are live,
     * and it may disagree (a replay, a simulator, a skewed host): one call learns the service's clock.
     */
    void learnClock(InstanceKey probe) throws DataWorksException {
        try {
            caller.call("GetBaselineStatus", () -> api.getBaselineStatus(probe.baselineId(), probe.bizdate(), probe.inGroupId()));
        } catch (DataWorksException e) {
            // Treated like any failed poll (throttling pauses, a spent quota stops calls); an error answer still tells the time.
            failed(probe, e);
        } catch (PacedCaller.Stopped e) {
            // Woken up or paused: the next round tries again.
        }
    }

    boolean knowsServiceClock() {
        return clock.known();
    }

    /** The end of a round in which nothing was asked (calls paused): time moves on by the estimated clock. */
    PolledRecord idleRound(BaselineSplitState state) {
        return clock.known() ? PolledRecord.endOfRound(clock.estimatedNow(), liveInstances(state.baselineId(), state.inGroupIds())) : null;
    }

    /** Live instances: the current and the previous business date, every watched cycle. */
    List<InstanceKey> liveInstances(long baselineId, int[] inGroupIds) {
        LocalDate current = Bizdates.currentBizdate(clock.now(), projectZone);
        List<InstanceKey> live = new ArrayList<>();
        for (LocalDate bizdate : List.of(current.minusDays(1), current)) {
            for (int inGroupId : inGroupIds) {
                live.add(new InstanceKey(baselineId, bizdate, inGroupId));
            }
        }
        return live;
    }

    /**
     * Polls every live instance of the split, applies what it emits to {@code state} (the fetcher's
     * own copy) and ends with an end-of-round record when the service answered at least once. What
     * was applied to {@code state} is always returned, even when the round stops early.
     *
     * @throws DataWorksException only for errors that make the whole job pointless (see {@link ErrorClass#FATAL})
     */
    Round pollRound(BaselineSplitState state) throws DataWorksException {
        return pollRound(state, StatusTriage.Listing.NONE);
    }

    /** Whether this instance is worth a call this round: not finished, not known to be unreadable. */
    boolean due(InstanceKey key, BaselineSplitState state) {
        Long unreadableUntil = unreadable.get(key);
        return !state.isFinished(key) && (unreadableUntil == null || unreadableUntil - System.nanoTime() <= 0);
    }

    /**
     * Lists the statuses of {@code wanted} in bulk where that is cheaper (see {@link StatusTriage});
     * what it could not list, {@link #pollRound(BaselineSplitState, StatusTriage.Listing)} asks one by one.
     */
    StatusTriage.Listing triage(List<InstanceKey> wanted) throws DataWorksException {
        try {
            return triage.list(wanted, e -> {
                failed(null, e);
                return e.errorClass() != ErrorClass.THROTTLED && e.errorClass() != ErrorClass.DAILY_CAP;
            });
        } catch (PacedCaller.Stopped e) {
            return StatusTriage.Listing.stoppedEarly();
        }
    }

    Round pollRound(BaselineSplitState state, StatusTriage.Listing listing) throws DataWorksException {
        List<PolledRecord> out = new ArrayList<>();
        long roundTime = Long.MIN_VALUE;
        boolean stopped = false;
        int notFound = 0;
        List<InstanceKey> live = liveInstances(state.baselineId(), state.inGroupIds());
        for (InstanceKey key : live) {
            if (!due(key, state)) {
                continue;
            }
            try {
                long answeredAt = pollInstance(key, state, listing, record -> out.add(PolledRecord.change(record)));
                if (answeredAt == NOT_LISTED) {
                    notFound++;
                    roundTime = Math.max(roundTime, listing.answeredAt(key));
                    continue;
                }
                roundTime = Math.max(roundTime, answeredAt);
                if (unreadable.remove(key) != null) {
                    LOG.info("Baseline instance {} can be read again", key);
                }
            } catch (DataWorksException e) {
                roundTime = Math.max(roundTime, failed(key, e));
                if (e.errorClass() == ErrorClass.NOT_FOUND) {
                    notFound++;
                }
                if (e.errorClass() == ErrorClass.THROTTLED || e.errorClass() == ErrorClass.DAILY_CAP) {
                    stopped = true;
                    break;
                }
            } catch (PacedCaller.Stopped e) {
                stopped = true;
                break;
            }
        }
        if (roundTime == Long.MIN_VALUE && clock.known()) {
            // Nothing of this baseline answered (unreadable, throttled): DataWorks time still moves on, so its
            // deadlines and everyone else's pass on time; the watermark is one for all baselines.
            roundTime = clock.estimatedNow();
        }
        if (roundTime != Long.MIN_VALUE) {
            out.add(PolledRecord.endOfRound(roundTime, live));
        }
        if (!stopped) {
            noticeMissing(state.baselineId(), live, notFound);
        }
        return new Round(out, stopped);
    }

    /** A baseline DataWorks has no instance of, for any live business date, is most likely a wrong id in the config. */
    private void noticeMissing(long baselineId, List<InstanceKey> live, int notFound) {
        if (notFound < live.size()) {
            roundsNotFound.remove(baselineId);
            return;
        }
        int rounds = roundsNotFound.merge(baselineId, 1, Integer::sum);
        if (rounds == NOT_FOUND_ROUNDS_BEFORE_WARNING) {
            LOG.warn("DataWorks has no instance of baseline {} for business dates {} (Invalid.Wkbench.BaselineStatusNotExist, "
                    + "{} rounds in a row): check the baseline id in the job config", baselineId,
                    live.stream().map(k -> k.bizdate().toString()).distinct().toList(), rounds);
        }
    }

    /** Treats a failed call by its class; returns the service's time if it answered, else {@code Long.MIN_VALUE}. */
    private long failed(InstanceKey key, DataWorksException e) throws DataWorksException {
        counters.failed(e.errorClass());
        if (e.errorClass() == ErrorClass.FATAL) {
            throw e;
        }
        if (e.serverTimeMillis() > 0) {
            // The service answered: its clock still tells which bizdates are live and moves time on.
            clock.observe(e.serverTimeMillis());
        }
        switch (e.errorClass()) {
            case THROTTLED -> pacer.throttled(e);
            case DAILY_CAP -> pacer.dailyCapSpent(e, clock.now());
            case PER_BASELINE -> {
                if (key != null && unreadable.put(key, System.nanoTime() + unreadableRetryNanos) == null) {
                    LOG.warn("Baseline instance {} cannot be read, the other baselines are still watched; "
                            + "grant the job's account access to it: {}", key, e.getMessage());
                }
            }
            case NOT_FOUND -> { }
            default -> LOG.warn("Poll of {} failed after {} attempt(s); it is retried next round: {}",
                    key == null ? "the status listing" : "baseline instance " + key, pacer.maxAttempts(), e.getMessage());
        }
        return e.serverTimeMillis() > 0 ? e.serverTimeMillis() : Long.MIN_VALUE;
    }

    /** {@link #pollInstance} found the instance in no listing and had no reason to ask for it. */
    private static final long NOT_LISTED = Long.MIN_VALUE + 1;

    private long pollInstance(InstanceKey key, BaselineSplitState state, StatusTriage.Listing listing, Consumer<BaselineEvent> emit)
            throws DataWorksException, PacedCaller.Stopped {
        ApiAnswer<BaselineStatus> statusAnswer = listing.covers(key) ? listing.status(key) : null;
        if (statusAnswer == null) {
            if (listing.covers(key) && !state.seenUnfinished(key)) {
                // Not among the unfinished, never seen unfinished: it does not exist (yet), or finished before we looked.
                return NOT_LISTED;
            }
            // Not listed, or it left the unfinished list since the last round: ask, to see it finish.
            statusAnswer = caller.call("GetBaselineStatus",
                    () -> api.getBaselineStatus(key.baselineId(), key.bizdate(), key.inGroupId()));
        }
        if (statusAnswer.data() == null) {
            // An answer with no Data says nothing about the instance; treat it like "not there yet".
            return statusAnswer.serverTimeMillis();
        }
        BaselineEvent statusEvent = BaselineEvent.of(key, statusAnswer.serverTimeMillis(), statusAnswer.requestId());
        statusEvent.type = EventType.STATUS;
        statusEvent.status = EventMapper.status(statusAnswer.data());
        long answeredAt = statusAnswer.serverTimeMillis();
        if (!statusEvent.status.finished && needsKeyPath(statusEvent.status, answeredAt)) {
            ApiAnswer<List<KeyPathNode>> path = caller.call("GetBaselineKeyPath",
                    () -> api.getBaselineKeyPath(key.baselineId(), key.bizdate(), key.inGroupId()));
            answeredAt = Math.max(answeredAt, path.serverTimeMillis());
            emitKeyPathChanges(key, path, state, emit);
        }
        // Status last: when it says "finished", the instance is not polled again.
        emitIfNew(statusEvent, state, emit);
        return answeredAt;
    }

    private void emitKeyPathChanges(
            InstanceKey key, ApiAnswer<List<KeyPathNode>> path, BaselineSplitState state, Consumer<BaselineEvent> emit) {
        List<KeyPathNode> nodes = path.data();
        for (int position = 0; position < nodes.size(); position++) {
            KeyPathNode node = nodes.get(position);
            BaselineEvent run = BaselineEvent.of(key, path.serverTimeMillis(), path.requestId());
            run.type = EventType.RUN;
            run.run = EventMapper.run(node, position, nodes.size());
            emitIfNew(run, state, emit);
            for (NodeTopic topic : node.topics()) {
                BaselineEvent topicEvent = BaselineEvent.of(key, path.serverTimeMillis(), path.requestId());
                topicEvent.type = EventType.TOPIC;
                topicEvent.topic = EventMapper.topic(topic, node);
                emitIfNew(topicEvent, state, emit);
            }
        }
    }

    private static void emitIfNew(BaselineEvent event, BaselineSplitState state, Consumer<BaselineEvent> emit) {
        if (state.isNew(event)) {
            state.apply(event);
            emit.accept(event);
        }
    }

    /** The key path costs a call per instance: fetch it only when DataWorks or the clock says trouble. */
    static boolean needsKeyPath(StatusInfo status, long now) {
        boolean alertTimePassed = status.expTime != null && now >= status.expTime;
        boolean forecastLate = status.endCast != null && status.expTime != null && status.endCast > status.expTime;
        return !"SAFE".equals(status.status) || alertTimePassed || forecastLate;
    }
}
