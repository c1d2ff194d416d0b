package dev.baselinewatch.event;

/** A key-path node and its latest run, as carried by a RUN {@link BaselineEvent}. */
public class RunInfo {
    public long nodeId;
    public long nodeInstanceId;
    public String nodeName;
    public String owner;
    public Integer prgType;
    /** Position on the key path, 0 = first to run. */
    public int position;
    public int pathLength;
    public int runCount;
    /** The node instance's own cycle (DataWorks' InGroupId of the node, 1..288); null when not sent. */
    public Integer cycle;
    /** NOT_RUN, WAIT_TIME, WAIT_RESOURCE, RUNNING, CHECKING, CHECKING_CONDITION, FAILURE, SUCCESS, or as sent. */
    public String runStatus;
    public Long beginWaitTimeTime;
    public Long beginWaitResTime;
    public Long beginRunningTime;
    public Long finishTime;
    public Long beginCast;
    public Long endCast;
    public Long absTime;

    public RunInfo() {}
}
