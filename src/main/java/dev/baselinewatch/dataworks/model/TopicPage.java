package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code ListTopics}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicPage(
        @JsonProperty("PageNumber") Integer pageNumber,
        @JsonProperty("PageSize") Integer pageSize,
        @JsonProperty("TotalCount") Integer totalCount,
        @JsonProperty("Topics") List<Topic> topics) {

    public TopicPage {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public boolean hasMore() {
        return pageNumber != null && pageSize != null && totalCount != null && (long) pageNumber * pageSize < totalCount;
    }
}
