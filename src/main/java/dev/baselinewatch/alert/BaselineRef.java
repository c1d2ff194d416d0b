package dev.baselinewatch.alert;

/** The baseline an alert is about, as DataWorks names it. */
public class BaselineRef {
    public long id;
    public String name;
    public Long projectId;
    public String owner;
    public Integer priority;

    public BaselineRef() {}
}
