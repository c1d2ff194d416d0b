package dev.baselinewatch.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The job config file ({@code job-config/*.yaml}), as written. Every key, its default and its meaning
 * are documented in {@code job-config/baseline-watch.yaml}; {@link JobConfigLoader} validates it.
 */
public record JobConfig(
        @JsonProperty("job") Job job,
        @JsonProperty("dataworks") DataWorks dataworks,
        @JsonProperty("budget") Budget budget,
        @JsonProperty("baselines") List<Baseline> baselines,
        @JsonProperty("discovery") Discovery discovery,
        @JsonProperty("lateness") Lateness lateness,
        @JsonProperty("kafka") Kafka kafka,
        @JsonProperty("checkpointing") Checkpointing checkpointing,
        @JsonProperty("alerts") Alerts alerts) {

    public record Job(
            @JsonProperty("name") String name,
            @JsonProperty("environment") String environment,
            @JsonProperty("sourceParallelism") Integer sourceParallelism) {}

    public record DataWorks(
            @JsonProperty("region") String region,
            @JsonProperty("vpc") Boolean vpc,
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("timeZone") String timeZone,
            @JsonProperty("pollInterval") String pollInterval,
            @JsonProperty("farPollInterval") String farPollInterval,
            @JsonProperty("nearHorizon") String nearHorizon,
            @JsonProperty("blindSpotAfter") String blindSpotAfter,
            @JsonProperty("maxAttempts") Integer maxAttempts,
            @JsonProperty("retryBackoff") String retryBackoff,
            @JsonProperty("maxRetryBackoff") String maxRetryBackoff,
            @JsonProperty("dailyCapProbeInterval") String dailyCapProbeInterval,
            @JsonProperty("connectTimeout") String connectTimeout,
            @JsonProperty("readTimeout") String readTimeout,
            @JsonProperty("recordTo") String recordTo) {}

    public record Budget(
            @JsonProperty("callsPerSecond") Double callsPerSecond,
            @JsonProperty("callsPerDay") Long callsPerDay) {}

    public record Baseline(
            @JsonProperty("id") Long id,
            @JsonProperty("inGroupIds") List<Integer> inGroupIds) {}

    public record Discovery(
            @JsonProperty("refreshInterval") String refreshInterval,
            @JsonProperty("projects") List<DiscoveryProject> projects) {}

    public record DiscoveryProject(
            @JsonProperty("projectId") Long projectId,
            @JsonProperty("priorities") List<Integer> priorities,
            @JsonProperty("owner") String owner,
            @JsonProperty("types") List<String> types) {}

    public record Lateness(
            @JsonProperty("retentionAfterFinish") String retentionAfterFinish,
            @JsonProperty("windowClose") String windowClose,
            @JsonProperty("hourWindowGrace") String hourWindowGrace) {}

    public record Kafka(
            @JsonProperty("bootstrapServers") String bootstrapServers,
            @JsonProperty("alertsTopic") String alertsTopic,
            @JsonProperty("eventsTopic") String eventsTopic,
            @JsonProperty("latenessTopic") String latenessTopic,
            @JsonProperty("deliveryGuarantee") String deliveryGuarantee,
            @JsonProperty("transactionalIdPrefix") String transactionalIdPrefix,
            @JsonProperty("transactionTimeout") String transactionTimeout,
            @JsonProperty("producer") Map<String, String> producer) {}

    public record Checkpointing(
            @JsonProperty("interval") String interval) {}

    public record Alerts(
            @JsonProperty("repeatInterval") String repeatInterval,
            @JsonProperty("maxRepeats") Integer maxRepeats,
            @JsonProperty("nodeSlowFactor") Double nodeSlowFactor,
            @JsonProperty("nodeSlowMinimum") String nodeSlowMinimum,
            @JsonProperty("waitingForResourcesAfter") String waitingForResourcesAfter,
            @JsonProperty("projectionChange") String projectionChange,
            @JsonProperty("expireAfter") String expireAfter,
            @JsonProperty("silences") List<Silence> silences) {}

    public record Silence(
            @JsonProperty("baselines") List<Long> baselines,
            @JsonProperty("projects") List<Long> projects,
            @JsonProperty("owners") List<String> owners,
            @JsonProperty("kinds") List<String> kinds,
            @JsonProperty("from") String from,
            @JsonProperty("until") String until,
            @JsonProperty("comment") String comment) {}
}
