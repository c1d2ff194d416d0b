package dev.baselinewatch.lateness;

/**
 * How late one instance was, handed from the lateness function to the lateness windows: once when it
 * finishes, or as it stands when a window it belongs to closes before that (then it counts as
 * unfinished, late by as much as it was late then). A Flink POJO.
 */
public class InstanceOutcome {

    /** Bits of {@link #windows}: which window granularities this outcome is for. */
    public static final int DAY = 1;
    public static final int HOUR = 2;

    public String instance;
    public long baselineId;
    public String baselineName;
    public Long projectId;
    public String owner;
    public Integer priority;
    public String bizdate;
    public int inGroupId;
    public int windows;
    /** Committed time, epoch ms, or null when unknown. */
    public Long committedAt;
    public boolean finished;
    /** Finish (or, unfinished, the time of this outcome) minus committed time; positive is late; null without a committed time. */
    public Long latenessMillis;
    /** How long BASELINE_AT_RISK or BASELINE_LATE fired for it. */
    public long atRiskMillis;
    /** DataWorks time of this outcome. */
    public long at;

    /** Set by {@link WindowAssigner}: the window this copy goes to, and when that window closes. */
    public String windowId;
    public long windowClosesAt;

    public InstanceOutcome() {}

    public boolean late() {
        return latenessMillis != null && latenessMillis > 0;
    }

    InstanceOutcome copy() {
        InstanceOutcome c = new InstanceOutcome();
        c.instance = instance;
        c.baselineId = baselineId;
        c.baselineName = baselineName;
        c.projectId = projectId;
        c.owner = owner;
        c.priority = priority;
        c.bizdate = bizdate;
        c.inGroupId = inGroupId;
        c.windows = windows;
        c.committedAt = committedAt;
        c.finished = finished;
        c.latenessMillis = latenessMillis;
        c.atRiskMillis = atRiskMillis;
        c.at = at;
        c.windowId = windowId;
        c.windowClosesAt = windowClosesAt;
        return c;
    }
}
