package dev.baselinewatch.alert;

/**
 * One alert record as published to the alerts topic (JSON). A Flink POJO. The id is deterministic
 * from (instance, kind), so consumers deduplicate across restarts; {@code sequence} orders the
 * records of one id. Times are ISO-8601 with the project's offset.
 */
public class Alert {

    public static final int SCHEMA_VERSION = 1;

    public int schemaVersion = SCHEMA_VERSION;
    public String alertId;
    public AlertKind kind;
    public Severity severity;
    public AlertState state;
    public int sequence;
    /** The instance key, {@code baselineId:bizdate:inGroupId}; also the Kafka record key. */
    public String instance;
    public BaselineRef baseline;
    /** ISO date in the project's time zone. */
    public String bizdate;
    public int inGroupId;
    public String committedTime;
    public String alertTime;
    public String projectedFinish;
    public String finishTime;
    /** Projected (or actual) finish minus committed time; negative means margin left. */
    public Long latenessSeconds;
    public CulpritRef culprit;
    public String reason;
    public String firstSeen;
    public String lastUpdated;
    /** The DataWorks request the last change was derived from. */
    public String requestId;

    public Alert() {}

    public static String idOf(String instanceKey, AlertKind kind) {
        return instanceKey + ":" + kind.name();
    }

    @Override
    public String toString() {
        return "Alert{" + alertId + " " + state + " #" + sequence + "}";
    }
}
