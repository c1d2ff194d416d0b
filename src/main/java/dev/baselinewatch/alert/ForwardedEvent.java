package dev.baselinewatch.alert;

/**
 * A DataWorks event (topic) forwarded to the events topic, once per topic id and instance, with the
 * baseline instance it hit. {@code topicType} and {@code topicStatus} are there when the source knew them.
 */
public class ForwardedEvent {

    public static final int SCHEMA_VERSION = 1;

    public int schemaVersion = SCHEMA_VERSION;
    public long topicId;
    public String topicName;
    /** ERROR or SLOW. */
    public String topicType;
    /** NEW, FIXING, RECOVER or IGNORE, as first seen. */
    public String topicStatus;
    public String instance;
    public BaselineRef baseline;
    public String bizdate;
    public int inGroupId;
    public long nodeInstanceId;
    public String nodeName;
    /** The node's owner, when the key path was read before the event arrived. */
    public String nodeOwner;
    public String addTime;
    public String observedAt;
    public String requestId;

    public ForwardedEvent() {}
}
