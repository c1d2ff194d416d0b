package dev.baselinewatch.job;

import dev.baselinewatch.alert.KafkaSinks;
import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.dataworks.CredentialsProvider;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.DefaultCredentialsChain;
import dev.baselinewatch.dataworks.ExchangeRecorder;
import dev.baselinewatch.source.BaselineSource;
import dev.baselinewatch.source.DataWorksApiFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import dev.baselinewatch.event.BaselineEvent;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point for {@code flink run}: {@code --config job-config/baseline-watch.yaml}. Credentials
 * come from the Alibaba Cloud default chain on the task managers, never from the config file.
 */
public final class BaselineWatchJob {

    private BaselineWatchJob() {}

    public static void main(String[] args) throws Exception {
        Settings settings = JobConfigLoader.load(Path.of(configArgument(args)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, settings);
        env.execute(settings.jobName());
    }

    /** Builds the job on {@code env}; the local demo and the end-to-end tests call this too. */
    public static void configure(StreamExecutionEnvironment env, Settings settings, CredentialsProvider credentials) {
        BaselineSource source = source(settings, credentials);
        configure(env, settings, source, source.usefulParallelism(settings.sourceParallelism()));
    }

    /** The job around any source of baseline events: the calls benchmark runs a naive poller on the same job. */
    public static void configure(StreamExecutionEnvironment env, Settings settings, Source<BaselineEvent, ?, ?> source,
            int sourceParallelism) {
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, settings.checkpointInterval().dividedBy(2));
        env.configure(config);
        BaselineWatchPipeline.build(
                env,
                source,
                sourceParallelism,
                settings.alertPolicy(),
                KafkaSinks.alerts(settings),
                KafkaSinks.events(settings),
                KafkaSinks.lateness(settings));
    }

    static void configure(StreamExecutionEnvironment env, Settings settings) {
        configure(env, settings, new DefaultCredentialsChain());
    }

    static BaselineSource source(Settings settings, CredentialsProvider credentials) {
        URI endpoint = settings.endpoint();
        ZoneId zone = settings.projectZone();
        Duration connect = settings.connectTimeout();
        Duration read = settings.readTimeout();
        String recordTo = settings.recording().orElse(null);
        DataWorksApiFactory api = () -> {
            DataWorksHttpClient client = new DataWorksHttpClient(endpoint, zone, connect, read, credentials);
            return recordTo == null ? client : client.recordingTo(new ExchangeRecorder(Path.of(recordTo)));
        };
        return new BaselineSource(settings.watch(), zone, settings.polling(), api);
    }

    private static String configArgument(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--config")) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("Usage: flink run baseline-watch.jar --config <job-config/baseline-watch.yaml>");
    }
}
