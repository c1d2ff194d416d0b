package dev.baselinewatch.event;

/** The status part of a {@link BaselineEvent}: a Flink POJO, so no Kryo fallback. */
public class StatusInfo {
    public String baselineName;
    public Long projectId;
    public String owner;
    public Integer priority;
    /** Committed time, epoch ms. */
    public Long slaTime;
    /** Alert time (committed time minus margin), epoch ms. */
    public Long expTime;
    /** DataWorks' forecast of the finish, epoch ms. */
    public Long endCast;
    public Double bufferSeconds;
    /** SAFE, DANGEROUS, OVER, ERROR or UNKNOWN; "DANGROUS" already normalised. */
    public String status;
    public boolean finished;
    public Long finishTime;

    public StatusInfo() {}
}
