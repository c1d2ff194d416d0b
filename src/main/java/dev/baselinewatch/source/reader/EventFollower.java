package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.TopicInfo;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Follows the DataWorks events (topics) seen on key paths until they are over: {@code GetTopic} when
 * one is first seen and every far interval after, each change of its status (NEW, FIXING, RECOVER,
 * IGNORE) emitted again, so a recovered event closes its alert even while the key path is not read.
 */
final class EventFollower {

    /** How a failed call is treated: the poller's rules for every call (pause, report, or rethrow when fatal). */
    @FunctionalInterface
    interface FailureHandler {
        void failed(DataWorksException e) throws DataWorksException;
    }

    private final DataWorksApi api;
    private final PacedCaller caller;
    private final TopicWatch open;

    EventFollower(DataWorksApi api, PacedCaller caller, long checkEveryNanos, PollCounters counters) {
        this.api = api;
        this.caller = caller;
        this.open = new TopicWatch(checkEveryNanos);
        counters.gauge("openEvents", open::size);
    }

    /** A key path showed this event for the first time. */
    void seen(InstanceKey key, TopicInfo topic) {
        open.seen(key, topic);
    }

    /** Drops the events of instances that finished or are no longer live. */
    void retain(Collection<InstanceKey> unfinished) {
        open.retain(unfinished);
    }

    /**
     * Asks about the due open events of this baseline.
     *
     * @param emitIfNew emits an event only when it says something new, and says whether it did
     * @return the service's time of the last answer, or {@code Long.MIN_VALUE}
     */
    long check(BaselineSplitState state, Predicate<BaselineEvent> emitIfNew, FailureHandler onFailure)
            throws DataWorksException, PacedCaller.Stopped {
        long answeredAt = Long.MIN_VALUE;
        for (TopicWatch.Open event : open.due(state.baselineId(), System.nanoTime())) {
            if (state.isFinished(event.key())) {
                open.forget(event);
                continue;
            }
            ApiAnswer<Topic> answer;
            try {
                answer = caller.call("GetTopic", () -> api.getTopic(event.seen().topicId));
            } catch (DataWorksException e) {
                onFailure.failed(e);
                if (e.errorClass() == ErrorClass.THROTTLED || e.errorClass() == ErrorClass.DAILY_CAP) {
                    throw new PacedCaller.Stopped();
                }
                // Gone, or not ours to read: its alert closes with the instance. Anything else: asked again later.
                if (e.errorClass() == ErrorClass.PER_BASELINE || e.errorClass() == ErrorClass.NOT_FOUND) {
                    open.forget(event);
                } else {
                    open.checked(event, false);
                }
                continue;
            }
            answeredAt = Math.max(answeredAt, answer.serverTimeMillis());
            if (answer.data() == null) {
                open.checked(event, false);
                continue;
            }
            BaselineEvent update = BaselineEvent.of(event.key(), answer.serverTimeMillis(), answer.requestId());
            update.type = EventType.TOPIC;
            update.topic = EventMapper.topic(event.seen(), answer.data());
            emitIfNew.test(update);
            open.checked(event, answer.data().closed());
        }
        return answeredAt;
    }
}
