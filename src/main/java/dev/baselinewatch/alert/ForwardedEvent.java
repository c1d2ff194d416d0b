package dev.baselinewatch.alert;

/** A DataWorks event (topic) forwarded to the events topic, with the baseline instance it hit. */
public class ForwardedEvent {

    public static final int SCHEMA_VERSION = 1;

    public int schemaVersion = SCHEMA_VERSION;
    public long topicId;
    public String topicName;
    public String instance;
    public BaselineRef baseline;
    public String bizdate;
    public int inGroupId;
    public long nodeInstanceId;
    public String nodeName;
    public String addTime;
    public String observedAt;
    public String requestId;

    public ForwardedEvent() {}
}
