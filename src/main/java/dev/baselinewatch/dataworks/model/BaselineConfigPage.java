package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code ListBaselines}. The paging numbers arrive as JSON strings in the documented answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineConfigPage(
        @JsonProperty("PageNumber") Integer pageNumber,
        @JsonProperty("PageSize") Integer pageSize,
        @JsonProperty("TotalCount") Integer totalCount,
        @JsonProperty("Baselines") List<BaselineConfig> baselines) {

    public BaselineConfigPage {
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    public boolean hasMore() {
        return pageNumber != null && pageSize != null && totalCount != null && (long) pageNumber * pageSize < totalCount;
    }
}
