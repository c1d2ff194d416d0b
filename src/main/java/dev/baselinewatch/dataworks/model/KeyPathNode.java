package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One node instance on a baseline instance's key path, as {@code GetBaselineKeyPath} returns it.
 * {@code InGroupId} here is the node instance's own cycle (1..288), not the baseline's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyPathNode(
        @JsonProperty("Owner") String owner,
        @JsonProperty("NodeName") String nodeName,
        @JsonProperty("NodeId") Long nodeId,
        @JsonProperty("InstanceId") Long instanceId,
        @JsonProperty("ProjectId") Long projectId,
        @JsonProperty("Bizdate") Long bizdate,
        @JsonProperty("InGroupId") Integer inGroupId,
        @JsonProperty("PrgType") Integer prgType,
        @JsonProperty("Runs") List<NodeRun> runs,
        @JsonProperty("Topics") List<NodeTopic> topics) {

    public KeyPathNode {
        runs = runs == null ? List.of() : List.copyOf(runs);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** The run that counts now: reruns append, so the last record is the current one. */
    public NodeRun latestRun() {
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }
}
