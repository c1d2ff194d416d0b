package dev.baselinewatch.event;

/** A DataWorks event (topic) on a key-path node, as carried by a TOPIC {@link BaselineEvent}. */
public class TopicInfo {
    public long topicId;
    public String topicName;
    public long nodeInstanceId;
    public String nodeName;
    public Long addTime;
    /** ERROR or SLOW when the source knows it; null when it does not. */
    public String type;
    /** NEW, FIXING, RECOVER or IGNORE when the source knows it; null is read as "open". */
    public String status;

    public TopicInfo() {}

    /** Recovered or ignored: DataWorks considers the event over. */
    public boolean closed() {
        return "RECOVER".equalsIgnoreCase(status) || "IGNORE".equalsIgnoreCase(status);
    }
}
