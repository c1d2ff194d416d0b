package dev.baselinewatch.score;

import dev.baselinewatch.alert.KafkaSinks;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.dataworks.CredentialsProvider;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.job.BaselineWatchPipeline;
import dev.baselinewatch.source.DataWorksApiFactory;
import dev.baselinewatch.source.NaiveBaselineSource;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job with the naive poller as its source: everything else exactly as {@link BaselineWatchJob#configure}
 * wires it (checkpointing, the same pipeline, the same sinks), so a benchmark compares pollers and nothing else.
 * Keep the two in step.
 */
final class NaiveJob {

    private NaiveJob() {}

    static void configure(StreamExecutionEnvironment env, Settings settings, CredentialsProvider credentials) {
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, settings.checkpointInterval().dividedBy(2));
        env.configure(config);
        URI endpoint = settings.endpoint();
        ZoneId zone = settings.projectZone();
        Duration connect = settings.connectTimeout();
        Duration read = settings.readTimeout();
        DataWorksApiFactory api = () -> new DataWorksHttpClient(endpoint, zone, connect, read, credentials);
        NaiveBaselineSource source = new NaiveBaselineSource(settings.watch(), zone, settings.polling(), api);
        BaselineWatchPipeline.build(
                env,
                source,
                source.usefulParallelism(settings.sourceParallelism()),
                settings.projectZone(),
                settings.retentionAfterFinish(),
                KafkaSinks.alerts(settings),
                KafkaSinks.events(settings));
    }
}
