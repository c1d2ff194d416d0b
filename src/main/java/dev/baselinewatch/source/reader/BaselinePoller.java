package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
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
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll round of one baseline: the status of each live, unfinished instance, and its key path
 * when it is at risk or past its alert time (that is when the culprit matters). Emits only changes.
 */
final class BaselinePoller {

    private static final Logger LOG = LoggerFactory.getLogger(BaselinePoller.class);

    private final DataWorksApi api;
    private final ZoneId projectZone;
    private final ServiceClock clock;
    private final PollCounters counters;

    BaselinePoller(DataWorksApi api, ZoneId projectZone, ServiceClock clock, PollCounters counters) {
        this.api = api;
        this.projectZone = projectZone;
        this.clock = clock;
        this.counters = counters;
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
     * own copy) and ends with an end-of-round record when the service answered at least once.
     *
     * @throws DataWorksException only for errors that make the whole job pointless (see {@link ErrorClass#FATAL})
     */
    List<PolledRecord> pollRound(BaselineSplitState state) throws DataWorksException {
        List<PolledRecord> out = new ArrayList<>();
        long roundTime = Long.MIN_VALUE;
        List<InstanceKey> live = liveInstances(state.baselineId(), state.inGroupIds());
        for (InstanceKey key : live) {
            if (state.isFinished(key)) {
                continue;
            }
            try {
                roundTime = Math.max(roundTime, pollInstance(key, state, record -> out.add(PolledRecord.change(record))));
            } catch (DataWorksException e) {
                if (e.errorClass() == ErrorClass.FATAL) {
                    throw e;
                }
                counters.failed(e.errorClass());
                if (e.serverTimeMillis() > 0) {
                    // The service answered: its clock still tells which bizdates are live and moves time on.
                    clock.observe(e.serverTimeMillis());
                    roundTime = Math.max(roundTime, e.serverTimeMillis());
                }
                if (e.errorClass() != ErrorClass.NOT_FOUND) {
                    LOG.warn("Poll of baseline instance {} failed; it is retried next round: {}", key, e.getMessage());
                }
            }
        }
        if (roundTime != Long.MIN_VALUE) {
            out.add(PolledRecord.endOfRound(roundTime, live));
        }
        return out;
    }

    private long pollInstance(InstanceKey key, BaselineSplitState state, Consumer<BaselineEvent> emit)
            throws DataWorksException {
        ApiAnswer<BaselineStatus> statusAnswer = api.getBaselineStatus(key.baselineId(), key.bizdate(), key.inGroupId());
        counters.succeeded("GetBaselineStatus");
        clock.observe(statusAnswer.serverTimeMillis());
        if (statusAnswer.data() == null) {
            // An answer with no Data says nothing about the instance; treat it like "not there yet".
            return statusAnswer.serverTimeMillis();
        }
        BaselineEvent statusEvent = BaselineEvent.of(key, statusAnswer.serverTimeMillis(), statusAnswer.requestId());
        statusEvent.type = EventType.STATUS;
        statusEvent.status = EventMapper.status(statusAnswer.data());
        long answeredAt = statusAnswer.serverTimeMillis();
        if (!statusEvent.status.finished && needsKeyPath(statusEvent.status, answeredAt)) {
            ApiAnswer<List<KeyPathNode>> path = api.getBaselineKeyPath(key.baselineId(), key.bizdate(), key.inGroupId());
            counters.succeeded("GetBaselineKeyPath");
            clock.observe(path.serverTimeMillis());
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
