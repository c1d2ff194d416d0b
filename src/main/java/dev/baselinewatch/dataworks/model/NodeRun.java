package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run record of a key-path node instance. Every time is epoch milliseconds and every field may
 * be absent or null until it happens (DataWorks omits them); {@code CycTime} is documented but
 * missing from the published sample.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeRun(
        @JsonProperty("Status") String status,
        @JsonProperty("CycTime") Long cycTime,
        @JsonProperty("BeginWaitTimeTime") Long beginWaitTimeTime,
        @JsonProperty("BeginWaitResTime") Long beginWaitResTime,
        @JsonProperty("BeginRunningTime") Long beginRunningTime,
        @JsonProperty("FinishTime") Long finishTime,
        @JsonProperty("BeginCast") Long beginCast,
        @JsonProperty("EndCast") Long endCast,
        @JsonProperty("AbsTime") Long absTime) {}
