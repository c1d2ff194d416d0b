package dev.baselinewatch.config;

import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.WatchSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Reads and validates a job config file once, at start. Unknown keys and bad values fail with a
 * message naming the key and the file; secrets are refused outright, they belong to the
 * Alibaba Cloud credentials chain.
 */
public final class JobConfigLoader {

    /** The broker default of {@code transaction.max.timeout.ms}; a longer producer timeout is refused by the broker. */
    static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private static final Set<String> SECRET_WORDS = Set.of("secret", "password", "accesskey", "token");

    private JobConfigLoader() {}

    public static Settings load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read job config " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Settings parse(String yaml, String fileName) {
        JobConfig raw = StrictYaml.read(yaml, JobConfig.class, "Job config", fileName);
        return new Validation(fileName).settings(raw);
    }

    /** Applies defaults and checks values; every error names its key and the file. */
    private record Validation(ConfigChecks checks) {

        Validation(String file) {
            this(new ConfigChecks(file));
        }

        Settings settings(JobConfig raw) {
            JobConfig.Job job = orEmpty(raw.job(), new JobConfig.Job(null, null, null));
            JobConfig.DataWorks dw = require(raw.dataworks(), "dataworks");
            JobConfig.Lateness lateness = orEmpty(raw.lateness(), new JobConfig.Lateness(null, null, null));
            JobConfig.Kafka kafka = require(raw.kafka(), "kafka");
            JobConfig.Checkpointing checkpointing = orEmpty(raw.checkpointing(), new JobConfig.Checkpointing(null));

            String jobName = nonBlank(orDefault(job.name(), "baseline-watch"), "job.name");
            String environment = nonBlank(orDefault(job.environment(), "default"), "job.environment");
            int sourceParallelism = orDefault(job.sourceParallelism(), 1);
            check(sourceParallelism >= 1, "job.sourceParallelism", "must be at least 1, was " + sourceParallelism);

            ZoneId zone = zone(require(dw.timeZone(), "dataworks.timeZone"));
            URI endpoint = endpoint(dw);
            Duration pollInterval = positive(orDefault(dw.pollInterval(), "60s"), "dataworks.pollInterval");
            int maxAttempts = orDefault(dw.maxAttempts(), 3);
            check(maxAttempts >= 1 && maxAttempts <= 10, "dataworks.maxAttempts", "must be 1..10, was " + maxAttempts);
            Duration retryBackoff = positive(orDefault(dw.retryBackoff(), "1s"), "dataworks.retryBackoff");
            Duration maxRetryBackoff = positive(orDefault(dw.maxRetryBackoff(), "30s"), "dataworks.maxRetryBackoff");
            check(maxRetryBackoff.compareTo(retryBackoff) >= 0, "dataworks.maxRetryBackoff",
                    "must be at least dataworks.retryBackoff (" + retryBackoff + "), was " + maxRetryBackoff);
            Duration dailyCapProbe = positive(orDefault(dw.dailyCapProbeInterval(), "15m"), "dataworks.dailyCapProbeInterval");
            JobConfig.Budget budget = orEmpty(raw.budget(), new JobConfig.Budget(null, null));
            double perSecond = orDefault(budget.callsPerSecond(), 5.0);
            check(perSecond > 0 && perSecond <= 1000, "budget.callsPerSecond", "must be in (0, 1000], was " + perSecond);
            long perDay = orDefault(budget.callsPerDay(), 0L);
            check(perDay >= 0, "budget.callsPerDay", "must be 0 (no daily cap) or positive, was " + perDay);
            check(perDay == 0 || perDay >= sourceParallelism, "budget.callsPerDay",
                    "must leave each of the " + sourceParallelism + " source readers at least one call, was " + perDay);
            Duration farPollInterval = positive(orDefault(dw.farPollInterval(), "15m"), "dataworks.farPollInterval");
            check(farPollInterval.compareTo(pollInterval) >= 0, "dataworks.farPollInterval",
                    "must be at least dataworks.pollInterval (" + pollInterval + "), was " + farPollInterval);
            Duration nearHorizon = positive(orDefault(dw.nearHorizon(), "2h"), "dataworks.nearHorizon");
            Duration blindSpotAfter = positive(orDefault(dw.blindSpotAfter(), "5m"), "dataworks.blindSpotAfter");
            check(blindSpotAfter.compareTo(pollInterval) >= 0, "dataworks.blindSpotAfter",
                    "must be at least dataworks.pollInterval (" + pollInterval + "), was " + blindSpotAfter);
            PollingOptions polling = new PollingOptions(pollInterval, farPollInterval, nearHorizon, blindSpotAfter, maxAttempts,
                    retryBackoff, maxRetryBackoff, dailyCapProbe, new CallBudget(perSecond, perDay));
            Duration connectTimeout = positive(orDefault(dw.connectTimeout(), "5s"), "dataworks.connectTimeout");
            Duration readTimeout = positive(orDefault(dw.readTimeout(), "10s"), "dataworks.readTimeout");

            Duration checkpointInterval = positive(orDefault(checkpointing.interval(), "10s"), "checkpointing.interval");
            DeliveryGuarantee guarantee = guarantee(orDefault(kafka.deliveryGuarantee(), "exactly-once"));
            Duration txTimeout = positive(orDefault(kafka.transactionTimeout(), "15m"), "kafka.transactionTimeout");
            check(txTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) <= 0, "kafka.transactionTimeout",
                    "must be at most 15m (the broker's default transaction.max.timeout.ms), was " + txTimeout);
            check(txTimeout.compareTo(checkpointInterval.multipliedBy(2)) >= 0, "kafka.transactionTimeout",
                    "must be at least twice checkpointing.interval (" + checkpointInterval + "), or transactions "
                            + "expire before their checkpoint commits them; was " + txTimeout);
            Map<String, String> producer = orEmpty(kafka.producer(), Map.of());
            producer.keySet().forEach(key -> check(
                    !key.equals("transaction.timeout.ms") && !key.equals("transactional.id"),
                    "kafka.producer." + key, "is set by the job; use kafka.transactionTimeout / kafka.transactionalIdPrefix"));
            producer.keySet().forEach(key -> check(SECRET_WORDS.stream().noneMatch(w -> key.toLowerCase().replace(".", "").contains(w)),
                    "kafka.producer." + key, "looks like a secret; secrets never go in the config file"));

            WatchSpec watch = new WatchValidation(checks).watch(raw.baselines(), raw.discovery());
            Duration retention = positive(orDefault(lateness.retentionAfterFinish(), "6h"), "lateness.retentionAfterFinish");
            AlertPolicy alertPolicy = new AlertsValidation(checks).policy(raw.alerts(), lateness, zone, watch.baselines(), retention);
            String alertsTopic = nonBlank(orDefault(kafka.alertsTopic(), "baseline-watch.alerts"), "kafka.alertsTopic");
            String eventsTopic = nonBlank(orDefault(kafka.eventsTopic(), "baseline-watch.events"), "kafka.eventsTopic");
            String latenessTopic = nonBlank(orDefault(kafka.latenessTopic(), "baseline-watch.lateness"), "kafka.latenessTopic");
            check(!latenessTopic.equals(alertsTopic) && !latenessTopic.equals(eventsTopic), "kafka.latenessTopic",
                    "must differ from kafka.alertsTopic and kafka.eventsTopic, was " + latenessTopic);

            return new Settings(
                    jobName,
                    environment,
                    sourceParallelism,
                    endpoint,
                    zone,
                    polling,
                    connectTimeout,
                    readTimeout,
                    watch,
                    retention,
                    nonBlank(require(kafka.bootstrapServers(), "kafka.bootstrapServers"), "kafka.bootstrapServers"),
                    alertsTopic,
                    eventsTopic,
                    guarantee,
                    nonBlank(orDefault(kafka.transactionalIdPrefix(), jobName + "-" + environment), "kafka.transactionalIdPrefix"),
                    txTimeout,
                    Map.copyOf(producer),
                    checkpointInterval,
                    dw.recordTo() == null ? null : nonBlank(dw.recordTo(), "dataworks.recordTo"),
                    alertPolicy,
                    latenessTopic);
        }

        private URI endpoint(JobConfig.DataWorks dw) {
            if (dw.endpoint() != null) {
                try {
                    URI uri = URI.create(dw.endpoint());
                    check(("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null,
                            "dataworks.endpoint", "must be an http(s) URL such as https://dataworks.cn-shanghai.aliyuncs.com, was " + dw.endpoint());
                    return uri;
                } catch (IllegalArgumentException e) {
                    throw fail("dataworks.endpoint", "is not a URL: " + dw.endpoint());
                }
            }
            String region = dw.region();
            check(region != null && region.matches("[a-z0-9-]+"), "dataworks.region",
                    region == null ? "is required unless dataworks.endpoint is set (e.g. cn-shanghai)" : "is not a region id: " + region);
            String host = Boolean.TRUE.equals(dw.vpc()) ? "dataworks-vpc." + region + ".aliyuncs.com" : "dataworks." + region + ".aliyuncs.com";
            return URI.create("https://" + host);
        }

        private ZoneId zone(String text) {
            try {
                return ZoneId.of(text);
            } catch (RuntimeException e) {
                throw fail("dataworks.timeZone", "is not a time zone (use e.g. +08:00 or Asia/Shanghai): " + text);
            }
        }

        private DeliveryGuarantee guarantee(String text) {
            return switch (text.toLowerCase().replace('_', '-')) {
                case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
                case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
                default -> throw fail("kafka.deliveryGuarantee", "must be exactly-once or at-least-once, was " + text);
            };
        }

        private Duration positive(String text, String key) {
            return checks.positive(text, key);
        }

        private String nonBlank(String value, String key) {
            check(value != null && !value.isBlank(), key, "must not be blank");
            return value;
        }

        private <T> T require(T value, String key) {
            check(value != null, key, "is required");
            return value;
        }

        private static <T> T orDefault(T value, T fallback) {
            return value == null ? fallback : value;
        }

        private static <T> T orEmpty(T value, T empty) {
            return value == null ? empty : value;
        }

        private void check(boolean ok, String key, String problem) {
            checks.check(ok, key, problem);
        }

        private ConfigException fail(String key, String problem) {
            return checks.fail(key, problem);
        }
    }
}
