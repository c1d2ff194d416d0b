package dev.baselinewatch.alert;

/**
 * How late the instances of one baseline or one project were over one business day (or one hour of
 * committed times, for hourly baselines): published to the lateness topic when the window closes.
 * A Flink POJO; arrays, not collections, so no Kryo fallback.
 */
public class LatenessWindow {

    public static final int SCHEMA_VERSION = 1;

    public int schemaVersion = SCHEMA_VERSION;
    /** {@code SCOPE:id:bizdate:DAY} or {@code SCOPE:id:bizdate:HOURhh}; also the Kafka record key. */
    public String windowId;
    /** BASELINE or PROJECT. */
    public String scope;
    /** DAY or HOUR. */
    public String granularity;
    /** The baseline, for BASELINE windows. */
    public BaselineRef baseline;
    public Long projectId;
    public String bizdate;
    /** For HOUR windows: the start of the hour the committed times fall in. */
    public String hourStart;
    /** DataWorks time at which the window closed. */
    public String closedAt;
    public int instances;
    public int finished;
    public int unfinished;
    public int late;
    public long totalLatenessSeconds;
    public long maxLatenessSeconds;
    public long atRiskSeconds;
    public String[] lateInstances;

    public LatenessWindow() {}

    @Override
    public String toString() {
        return "LatenessWindow{" + windowId + " " + late + "/" + instances + " late}";
    }
}
