package dev.baselinewatch.config;

import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.WatchSpec;
import dev.baselinewatch.source.WatchedBaseline;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** The validated, typed job settings, with every default applied. Built only by {@link JobConfigLoader}. */
public record Settings(
        String jobName,
        String environment,
        int sourceParallelism,
        URI endpoint,
        ZoneId projectZone,
        PollingOptions polling,
        Duration connectTimeout,
        Duration readTimeout,
        WatchSpec watch,
        Duration retentionAfterFinish,
        String bootstrapServers,
        String alertsTopic,
        String eventsTopic,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        Duration transactionTimeout,
        Map<String, String> producerProperties,
        Duration checkpointInterval,
        String recordTo,
        AlertPolicy alertPolicy,
        String latenessTopic) implements Serializable {

    /** Where the task managers record every DataWorks answer for a later replay (see ExchangeRecorder), or null. */
    public java.util.Optional<String> recording() {
        return java.util.Optional.ofNullable(recordTo);
    }

    /** The baselines named in the config (discovery may add more while the job runs). */
    public List<WatchedBaseline> baselines() {
        return watch.baselines();
    }

    /** Returns a copy pointing at another DataWorks endpoint and Kafka cluster (the local demo and tests). */
    public Settings withEndpoints(URI newEndpoint, String newBootstrapServers) {
        return new Settings(jobName, environment, sourceParallelism, newEndpoint, projectZone, polling, connectTimeout,
                readTimeout, watch, retentionAfterFinish, newBootstrapServers, alertsTopic, eventsTopic, deliveryGuarantee,
                transactionalIdPrefix, transactionTimeout, producerProperties, checkpointInterval, recordTo, alertPolicy, latenessTopic);
    }
}
