package dev.baselinewatch.score;

import dev.baselinewatch.config.Settings;
import dev.baselinewatch.dataworks.CredentialsProvider;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.source.DataWorksApiFactory;
import dev.baselinewatch.source.NaiveBaselineSource;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job with the naive poller as its source, wired by {@link BaselineWatchJob#configure} like the
 * real one (checkpointing, the same pipeline, the same sinks), so a benchmark compares pollers and nothing else.
 */
final class NaiveJob {

    private NaiveJob() {}

    static void configure(StreamExecutionEnvironment env, Settings settings, CredentialsProvider credentials) {
        URI endpoint = settings.endpoint();
        ZoneId zone = settings.projectZone();
        Duration connect = settings.connectTimeout();
        Duration read = settings.readTimeout();
        DataWorksApiFactory api = () -> new DataWorksHttpClient(endpoint, zone, connect, read, credentials);
        NaiveBaselineSource source = new NaiveBaselineSource(settings.watch(), zone, settings.polling(), api);
        BaselineWatchJob.configure(env, settings, source, source.usefulParallelism(settings.sourceParallelism()));
    }
}
