package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A DataWorks event on a key-path node. {@code TopicName} arrives as a JSON number in the
 * documented sample although real names are text ("1234出错"): it is kept as text either way.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeTopic(
        @JsonProperty("TopicId") Long topicId,
        @JsonProperty("TopicName") String topicName,
        @JsonProperty("InstanceId") Long instanceId,
        @JsonProperty("AddTime") Long addTime) {}
