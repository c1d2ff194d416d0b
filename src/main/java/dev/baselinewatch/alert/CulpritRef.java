package dev.baselinewatch.alert;

/** The key-path node that holds the finish back, and by how much. */
public class CulpritRef {
    public long nodeInstanceId;
    public long nodeId;
    public String nodeName;
    public String owner;
    public String status;
    /** How much later than DataWorks' forecast this node finishes (or is projected to), in seconds. */
    public long slipSeconds;
    /** The node instance's own cycle (DataWorks counts an hourly node's runs 1..288 a day); left out when not sent. */
    public Integer cycle;

    public CulpritRef() {}
}
