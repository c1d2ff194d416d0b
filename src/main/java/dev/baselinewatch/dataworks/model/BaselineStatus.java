package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One baseline instance's status, as {@code GetBaselineStatus} and each row of
 * {@code ListBaselineStatuses} return it. {@code SlaTime} is the committed time and
 * {@code ExpTime} the alert time, both absolute, which spares computing "26:58"-style times.
 * {@code BaselineName} may end with a newline in real answers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineStatus(
        @JsonProperty("BaselineId") Long baselineId,
        @JsonProperty("BaselineName") String baselineName,
        @JsonProperty("Bizdate") Long bizdate,
        @JsonProperty("InGroupId") Integer inGroupId,
        @JsonProperty("Owner") String owner,
        @JsonProperty("Priority") Integer priority,
        @JsonProperty("ProjectId") Long projectId,
        @JsonProperty("SlaTime") Long slaTime,
        @JsonProperty("ExpTime") Long expTime,
        @JsonProperty("EndCast") Long endCast,
        @JsonProperty("Buffer") Double buffer,
        @JsonProperty("Status") String status,
        @JsonProperty("FinishStatus") String finishStatus,
        @JsonProperty("FinishTime") Long finishTime,
        @JsonProperty("LastInstance") InstanceRef lastInstance,
        @JsonProperty("BlockInstance") InstanceRef blockInstance) {

    public boolean finished() {
        return "FINISH".equalsIgnoreCase(finishStatus);
    }
}
