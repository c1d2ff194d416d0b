package dev.baselinewatch.lateness;

import dev.baselinewatch.event.TopicInfo;

/** A DataWorks event seen on this instance, and whether it went to the events topic already. A Flink POJO. */
public class KnownTopic {
    public TopicInfo topic;
    public boolean forwarded;
    /** DataWorks time it was first seen (what the forwarded record says), and of the latest word on its status. */
    public long observedAt;
    public long updatedAt;
    public String requestId;

    public KnownTopic() {}
}
