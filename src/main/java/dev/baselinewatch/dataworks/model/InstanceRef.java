package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A node instance named by a status answer ({@code LastInstance}, {@code BlockInstance}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceRef(
        @JsonProperty("InstanceId") Long instanceId,
        @JsonProperty("NodeId") Long nodeId,
        @JsonProperty("NodeName") String nodeName,
        @JsonProperty("Owner") String owner,
        @JsonProperty("ProjectId") Long projectId,
        @JsonProperty("Status") String status,
        @JsonProperty("EndCast") Long endCast,
        @JsonProperty("FinishTime") Long finishTime) {}
