package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of {@code ListBaselineStatuses}: up to 100 baseline instances of one business date, the
 * cheap way to watch many instances (pages 1..30, so at most 3,000 rows per filter).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineStatusPage(
        @JsonProperty("PageNumber") Integer pageNumber,
        @JsonProperty("PageSize") Integer pageSize,
        @JsonProperty("TotalCount") Integer totalCount,
        @JsonProperty("BaselineStatuses") List<BaselineStatus> baselineStatuses) {

    public BaselineStatusPage {
        baselineStatuses = baselineStatuses == null ? List.of() : List.copyOf(baselineStatuses);
    }

    /** Whether pages after this one hold more rows. */
    public boolean hasMore() {
        return pageNumber != null && pageSize != null && totalCount != null && (long) pageNumber * pageSize < totalCount;
    }
}
