package dev.baselinewatch.event;

import java.time.LocalDate;

/**
 * A change the source saw on one baseline instance. Exactly one of {@code status}, {@code run},
 * {@code topic}, {@code health}, {@code absent} is set, as {@code type} says; {@code baselineInfo}
 * rides along on POLL_HEALTH and ABSENT events, which have no status to name the baseline. {@code observedAt} is DataWorks time (the service's
 * clock when it answered), which is also the record's event time.
 */
public class BaselineEvent {

    public static final int SCHEMA_VERSION = 1;

    public EventType type;
    public long baselineId;
    /** ISO date in the project's time zone. */
    public String bizdate;
    public int inGroupId;
    public long observedAt;
    public String requestId;
    public StatusInfo status;
    public RunInfo run;
    public TopicInfo topic;
    public PollHealth health;
    public AbsentInfo absent;
    public BaselineInfo baselineInfo;

    public BaselineEvent() {}

    public static BaselineEvent of(InstanceKey key, long observedAt, String requestId) {
        BaselineEvent event = new BaselineEvent();
        event.baselineId = key.baselineId();
        event.bizdate = key.bizdate().toString();
        event.inGroupId = key.inGroupId();
        event.observedAt = observedAt;
        event.requestId = requestId;
        return event;
    }

    public InstanceKey instanceKey() {
        return new InstanceKey(baselineId, LocalDate.parse(bizdate), inGroupId);
    }

    /** The keyBy key; the same text as {@link InstanceKey#toString()}. */
    public String instanceKeyText() {
        return baselineId + ":" + bizdate + ":" + inGroupId;
    }

    @Override
    public String toString() {
        return "BaselineEvent{" + type + " " + instanceKeyText() + " at " + observedAt + "}";
    }
}
