package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A baseline's configuration, as {@code GetBaseline} and each row of {@code ListBaselines} return it:
 * type, priority, owner, alert margin (minutes) and the committed time of each cycle ({@code hh:mm},
 * hh up to 47: the next day).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineConfig(
        @JsonProperty("BaselineId") Long baselineId,
        @JsonProperty("BaselineName") String baselineName,
        @JsonProperty("ProjectId") Long projectId,
        @JsonProperty("BaselineType") String baselineType,
        @JsonProperty("Priority") Integer priority,
        @JsonProperty("Owner") String owner,
        @JsonProperty("Enabled") Boolean enabled,
        @JsonProperty("AlertEnabled") Boolean alertEnabled,
        @JsonProperty("AlertMarginThreshold") Integer alertMarginThreshold,
        @JsonProperty("OverTimeSettings") List<OverTimeSetting> overTimeSettings) {

    public BaselineConfig {
        overTimeSettings = overTimeSettings == null ? List.of() : List.copyOf(overTimeSettings);
    }

    public boolean hourly() {
        return "HOURLY".equalsIgnoreCase(baselineType);
    }

    /** The committed time of one cycle. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverTimeSetting(
            @JsonProperty("Cycle") Integer cycle,
            @JsonProperty("Time") String time) {}
}
