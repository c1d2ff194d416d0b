package dev.baselinewatch.event;

/** A DataWorks event (topic) on a key-path node, as carried by a TOPIC {@link BaselineEvent}. */
public class TopicInfo {
    public long topicId;
    public String topicName;
    public long nodeInstanceId;
    public String nodeName;
    public Long addTime;

    public TopicInfo() {}
}
