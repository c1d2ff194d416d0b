package dev.baselinewatch.dataworks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A DataWorks event ("topic"), as {@code ListTopics} and {@code GetTopic} return it: a node that
 * failed ({@code ERROR}) or runs much slower than usual ({@code SLOW}), with its lifecycle status
 * {@code NEW}, {@code FIXING}, {@code RECOVER} or {@code IGNORE}. {@code TopicName} may be a number.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Topic(
        @JsonProperty("TopicId") Long topicId,
        @JsonProperty("TopicName") String topicName,
        @JsonProperty("TopicType") String topicType,
        @JsonProperty("TopicStatus") String topicStatus,
        @JsonProperty("AddTime") Long addTime,
        @JsonProperty("HappenTime") Long happenTime,
        @JsonProperty("FixTime") Long fixTime,
        @JsonProperty("InstanceId") Long instanceId,
        @JsonProperty("NodeId") Long nodeId,
        @JsonProperty("NodeName") String nodeName,
        @JsonProperty("NodeOwner") String nodeOwner,
        @JsonProperty("ProjectId") Long projectId) {

    /** Recovered or ignored: the event is over. */
    public boolean closed() {
        return "RECOVER".equalsIgnoreCase(topicStatus) || "IGNORE".equalsIgnoreCase(topicStatus);
    }
}
