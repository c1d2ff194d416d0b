package dev.baselinewatch.event;

/**
 * What the job knows of a baseline from its configuration ({@code GetBaseline} / {@code ListBaselines}),
 * before or without any instance status: enough to name, route and rank an alert about an instance
 * DataWorks cannot show (blind spot, no data). A Flink POJO; fields are null when unknown.
 */
public class BaselineInfo {
    public String name;
    public Long projectId;
    public String owner;
    public Integer priority;
    /** DAILY or HOURLY. */
    public String type;
    public Integer alertMarginMinutes;

    public BaselineInfo() {}
}
