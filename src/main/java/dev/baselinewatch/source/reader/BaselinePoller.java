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
import dev.baselinewatch.source.split.BaselineSplitState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One poll round of one baseline: each live instance that is due by its urgency ({@link Urgency},
 * {@link PollSchedule}) gets its status, and its key path when it is at risk or past its alert time
 * (that is when the culprit matters). A status listing covers many instances for free. Emits only
 * changes, plus an ABSENT event for an instance DataWorks does not have and a POLL_HEALTH event when
 * an instance goes unseen for longer than its urgency allows (a blind spot) and when it is seen again.
 * Failed calls are treated by class (see {@link ErrorClass}): transient ones retried with backoff,
 * throttling and the daily cap pause the reader's calls, an unreadable instance is reported and
 * polled rarely while the others go on, and a fatal error fails the job.
 */
final class BaselinePoller {

    /** An instance that cannot be read (no permission) is tried again this many poll intervals later. */
    static final int UNREADABLE_RETRY_ROUNDS = 10;

    private final DataWorksApi api;
    private final ZoneId projectZone;
    private final ServiceClock clock;
    private final PacedCaller caller;
    private final StatusTriage triage;
    private final PollSchedule schedule;
    private final long nearHorizonMillis;
    private final InstanceWatches watches;
    private final BlindSpots blindSpots;
    private final EventFollower events;
    private final CallFailures failures;
    private final KeyPathPolicy keyPaths;

    BaselinePoller(DataWorksApi api, ZoneId projectZone, ServiceClock clock, PollCounters counters, CallPacer pacer,
            FetcherSleeper sleeper, PollSchedule schedule, long pollIntervalNanos, long farIntervalNanos, long nearHorizonMillis) {
        this.api = api;
        this.projectZone = projectZone;
        this.clock = clock;
        this.caller = new PacedCaller(clock, counters, pacer, sleeper);
        this.triage = new StatusTriage(api, caller);
        this.schedule = schedule;
        this.nearHorizonMillis = nearHorizonMillis;
        this.failures = new CallFailures(counters, clock, pacer, pollIntervalNanos * UNREADABLE_RETRY_ROUNDS);
        this.keyPaths = new KeyPathPolicy(farIntervalNanos);
        this.watches = new InstanceWatches(counters);
        this.blindSpots = new BlindSpots(schedule, pacer, clock);
        this.events = new EventFollower(api, caller, farIntervalNanos, counters);
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
            // Treated like any failed poll (throttling pauses, a spent quota stops calls, an unreadable instance is
            // not the next probe); an error answer still tells the time.
            failures.failed(watches.of(probe), e);
        } catch (PacedCaller.Stopped e) {
            // Woken up or paused: the next round tries again.
        }
    }

    boolean knowsServiceClock() {
        return clock.known();
    }

    /** Live instances of the split now, by DataWorks time: see {@link BaselineSplitState#liveInstances}. */
    List<InstanceKey> liveInstances(BaselineSplitState state) {
        return state.liveInstances(Bizdates.currentBizdate(clock.now(), projectZone));
    }

    /** The instances of {@code states} worth a call at {@code roundNanos}, when the round began. */
    List<InstanceKey> due(Iterable<BaselineSplitState> states, long roundNanos) {
        List<InstanceKey> due = new ArrayList<>();
        for (InstanceKey key : unfinished(states)) {
            if (watches.of(key).due(roundNanos)) {
                due.add(key);
            }
        }
        return due;
    }

    /** Every live instance of {@code states} not known to have finished. */
    List<InstanceKey> unfinished(Iterable<BaselineSplitState> states) {
        List<InstanceKey> unfinished = new ArrayList<>();
        for (BaselineSplitState state : states) {
            for (InstanceKey key : liveInstances(state)) {
                if (!state.isFinished(key)) {
                    unfinished.add(key);
                }
            }
        }
        return unfinished;
    }

    /** Forgets the schedule of instances no longer live anywhere on this reader. */
    void retainWatches(java.util.Collection<InstanceKey> live) {
        events.retain(watches.retain(live));
    }

    /**
     * Lists, in bulk where that is cheaper (see {@link StatusTriage}), the statuses of the instances
     * of {@code states} due at {@code roundNanos}; what it could not list, {@link #pollRound} asks one by one.
     */
    StatusTriage.Listing triage(Collection<BaselineSplitState> states, long roundNanos) throws DataWorksException {
        Map<Long, Integer> priorities = new HashMap<>();
        for (BaselineSplitState state : states) {
            if (state.profile().priority() != null) {
                priorities.put(state.baselineId(), state.profile().priority());
            }
        }
        try {
            return triage.list(due(states, roundNanos), unfinished(states), priorities, e -> {
                failures.failed(null, e);
                return e.errorClass() != ErrorClass.THROTTLED && e.errorClass() != ErrorClass.DAILY_CAP;
            });
        } catch (PacedCaller.Stopped e) {
            return StatusTriage.Listing.stoppedEarly();
        }
    }

    /** The end of a round in which nothing was asked (calls paused): time moves on by the estimated clock, blind spots show. */
    List<PolledRecord> idleRound(BaselineSplitState state, int degradation) {
        List<PolledRecord> out = new ArrayList<>();
        List<InstanceKey> live = liveInstances(state);
        blindSpots.check(state, live, watches, degradation, event -> emitIfNew(event, state, e -> out.add(PolledRecord.change(e))));
        if (clock.known()) {
            // Without a single answer there is no DataWorks time to move the watermark to; blind spots still show.
            out.add(PolledRecord.endOfRound(clock.estimatedNow(), live));
        }
        return out;
    }

    /**
     * @param roundNanos when the round began: what is due is judged then, as it was for the listing, so an
     *     instance that falls due while the round runs waits for the next one instead of costing a call now
     */
    Round pollRound(BaselineSplitState state, StatusTriage.Listing listing, int degradation, long roundNanos) throws DataWorksException {
        List<PolledRecord> out = new ArrayList<>();
        Consumer<BaselineEvent> emit = record -> out.add(PolledRecord.change(record));
        long roundTime = Long.MIN_VALUE;
        boolean stopped = false;
        int notFound = 0;
        List<InstanceKey> live = liveInstances(state);
        for (InstanceKey key : live) {
            InstanceWatch watch = watches.of(key);
            if (state.isFinished(key)) {
                watch.urgency = Urgency.FINISHED;
                continue;
            }
            boolean due = watch.due(roundNanos);
            if (!due && !listing.covers(key)) {
                continue;
            }
            try {
                long answeredAt = pollInstance(key, state, watch, listing, due, emit);
                if (answeredAt == NOTHING_ASKED) {
                    continue;
                }
                roundTime = Math.max(roundTime, answeredAt);
                if (watch.urgency == Urgency.ABSENT) {
                    notFound++;
                }
            } catch (DataWorksException e) {
                long answeredAt = failures.failed(watch, e);
                roundTime = Math.max(roundTime, answeredAt);
                if (e.errorClass() == ErrorClass.NOT_FOUND) {
                    notFound++;
                    absent(key, state, watch, answeredAt, e.requestId(), emit);
                }
                if (e.errorClass() == ErrorClass.THROTTLED || e.errorClass() == ErrorClass.DAILY_CAP) {
                    stopped = true;
                    break;
                }
            } catch (PacedCaller.Stopped e) {
                stopped = true;
                break;
            }
            reschedule(watch, due, priority(state), degradation, roundNanos);
        }
        if (!stopped) {
            try {
                roundTime = Math.max(roundTime, events.check(state, event -> emitIfNew(event, state, emit), e -> failures.failed(null, e)));
            } catch (PacedCaller.Stopped e) {
                stopped = true;
            }
        }
        if (clock.known()) {
            // DataWorks time moves on even for a baseline nothing of which answered (unreadable, throttled), so its
            // deadlines and everyone else's pass on time; and answers carry whole seconds (the Date header), so the
            // estimate is the better "now" once an answer is a little old.
            roundTime = Math.max(roundTime, clock.estimatedNow());
        }
        blindSpots.check(state, live, watches, degradation, event -> emitIfNew(event, state, emit));
        if (roundTime != Long.MIN_VALUE) {
            out.add(PolledRecord.endOfRound(roundTime, live));
        }
        if (!stopped) {
            failures.noticeMissing(state.baselineId(), live, notFound);
        }
        return new Round(out, stopped);
    }

    /** {@link #pollInstance} asked nothing: the instance was neither due nor listed with news. */
    private static final long NOTHING_ASKED = Long.MIN_VALUE + 1;

    private long pollInstance(InstanceKey key, BaselineSplitState state, InstanceWatch watch, StatusTriage.Listing listing,
            boolean due, Consumer<BaselineEvent> emit) throws DataWorksException, PacedCaller.Stopped {
        ApiAnswer<BaselineStatus> statusAnswer = listing.covers(key) ? listing.status(key) : null;
        if (statusAnswer == null && listing.covers(key)) {
            long listedAt = listing.answeredAt(key);
            boolean yesterday = key.bizdate().isBefore(Bizdates.currentBizdate(clock.now(), projectZone));
            if (listing.complete(key) && (watch.urgency == Urgency.ABSENT || yesterday)) {
                // Not in a listing of every instance of the date, finished or not: absent (again). Yesterday's is
                // not reported, so it is not worth a call to tell "no such instance" from "no permission".
                watch.answered(System.nanoTime(), listedAt);
                watch.urgency = Urgency.ABSENT;
                return listedAt;
            }
            // Today's, missing from a full listing: asked once, since "no such instance" and "no permission" look alike there.
            if (!state.seenUnfinished(key)) {
                // Not among the unfinished and never seen. Known absent: still absent, since a new instance starts
                // unfinished. Otherwise absent, or finished before the job looked: asked when due.
                watch.answered(System.nanoTime(), listedAt);
                if (!due || watch.urgency == Urgency.ABSENT) {
                    return NOTHING_ASKED;
                }
            }
            // Otherwise it left the unfinished list since the last round: asked now, to see it finish.
        } else if (statusAnswer == null && !due) {
            return NOTHING_ASKED;
        }
        if (statusAnswer == null) {
            statusAnswer = caller.call("GetBaselineStatus", () -> api.getBaselineStatus(key.baselineId(), key.bizdate(), key.inGroupId()));
        }
        watch.answered(System.nanoTime(), statusAnswer.serverTimeMillis());
        if (statusAnswer.data() == null) {
            // An answer with no Data says nothing about the instance; treat it like "not there yet".
            return statusAnswer.serverTimeMillis();
        }
        BaselineEvent statusEvent = BaselineEvent.of(key, statusAnswer.serverTimeMillis(), statusAnswer.requestId());
        statusEvent.type = EventType.STATUS;
        statusEvent.status = EventMapper.status(statusAnswer.data());
        long answeredAt = statusAnswer.serverTimeMillis();
        if (state.profile().known()) {
            statusEvent.baselineInfo = state.profile().toInfo();
        }
        if (keyPaths.wanted(statusEvent.status, watch, answeredAt, due, state.isNew(statusEvent))) {
            ApiAnswer<List<KeyPathNode>> path = caller.call("GetBaselineKeyPath",
                    () -> api.getBaselineKeyPath(key.baselineId(), key.bizdate(), key.inGroupId()));
            answeredAt = Math.max(answeredAt, path.serverTimeMillis());
            watch.refused = false;
            watch.keyPathReadNanos = System.nanoTime();
            emitKeyPathChanges(key, path, state, emit);
        }
        watch.lastStatus = statusEvent.status;
        watch.urgency = Urgency.of(statusEvent.status, answeredAt, nearHorizonMillis);
        // Status last: when it says "finished", the instance is not polled again.
        emitIfNew(statusEvent, state, emit);
        return answeredAt;
    }

    /** Next poll by the urgency just learnt; sooner when it became more urgent; an unreadable instance keeps its long wait. */
    private void reschedule(InstanceWatch watch, boolean due, int priority, int degradation, long roundNanos) {
        if (watch.refused || "NO_PERMISSION".equals(watch.lastFailure)) {
            // Keeps the long wait set when DataWorks refused it, even after a listing showed its status meanwhile.
            return;
        }
        // From the round's start, not from this call: an instance due every round must be due at the next round's start.
        long next = roundNanos + schedule.intervalNanos(watch.urgency, priority, degradation);
        if (due || watch.dueLaterThan(next)) {
            watch.scheduleAt(next);
        }
    }

    /**
     * DataWorks has no such instance. Said downstream (where it becomes "no data" past the committed
     * time) only for the current business date: yesterday's is watched to see late work finish, and a
     * baseline created today has no instance for it, which is nothing to alert on.
     */
    private void absent(InstanceKey key, BaselineSplitState state, InstanceWatch watch, long answeredAt, String requestId,
            Consumer<BaselineEvent> emit) {
        watch.urgency = Urgency.ABSENT;
        if (key.bizdate().isBefore(Bizdates.currentBizdate(clock.now(), projectZone))) {
            return;
        }
        emitIfNew(EventMapper.absent(key, answeredAt, requestId, state.profile(), projectZone), state, emit);
    }

    private void emitKeyPathChanges(
            InstanceKey key, ApiAnswer<List<KeyPathNode>> path, BaselineSplitState state, Consumer<BaselineEvent> emit) {
        for (BaselineEvent event : EventMapper.keyPath(key, path)) {
            if (emitIfNew(event, state, emit) && event.type == EventType.TOPIC) {
                events.seen(key, event.topic);
            }
        }
    }

    private static boolean emitIfNew(BaselineEvent event, BaselineSplitState state, Consumer<BaselineEvent> emit) {
        if (state.isNew(event)) {
            state.apply(event);
            emit.accept(event);
            return true;
        }
        return false;
    }

    private static int priority(BaselineSplitState state) {
        return state.profile().priorityOrDefault();
    }

}
