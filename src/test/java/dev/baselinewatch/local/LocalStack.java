package dev.baselinewatch.local;

import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.dataworks.CredentialsProvider;
import dev.baselinewatch.dataworks.StaticCredentials;
import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.testing.EmbeddedKafka;
import java.nio.file.Path;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole product on one machine: the DataWorks simulator on a scenario, a real single-node Kafka,
 * and the job on the given (local) Flink environment, wired to each other on 127.0.0.1 free ports.
 * Used by the local demo and the end-to-end tests, so both run the same thing.
 */
public final class LocalStack implements AutoCloseable {

    private final DataWorksSimulator simulator;
    private final EmbeddedKafka kafka;
    private final Settings settings;
    private JobClient job;

    private LocalStack(DataWorksSimulator simulator, EmbeddedKafka kafka, Settings settings) {
        this.simulator = simulator;
        this.kafka = kafka;
        this.settings = settings;
    }

    /**
     * How the job is put on the environment once the endpoints are known: the product's own wiring
     * ({@link BaselineWatchJob#configure}), or a benchmark's that swaps the source and keeps the rest.
     */
    @FunctionalInterface
    public interface JobWiring {
        void configure(StreamExecutionEnvironment env, Settings settings, CredentialsProvider credentials);
    }

    /** Starts Kafka and the simulator, then submits the job described by {@code jobConfig} to {@code env}. */
    public static LocalStack start(Scenario scenario, Path jobConfig, StreamExecutionEnvironment env) throws Exception {
        return start(scenario, jobConfig, env, BaselineWatchJob::configure);
    }

    /** The same, with the job put together by {@code wiring}. */
    public static LocalStack start(Scenario scenario, Path jobConfig, StreamExecutionEnvironment env, JobWiring wiring)
            throws Exception {
        return start(() -> DataWorksSimulator.start(scenario, 0), jobConfig, env, wiring);
    }

    /** The same, with the simulator replaying a recording of real answers instead of a scenario. */
    public static LocalStack replay(Path recording, Path jobConfig, StreamExecutionEnvironment env) throws Exception {
        return start(() -> DataWorksSimulator.replay(recording, "127.0.0.1", 0), jobConfig, env, BaselineWatchJob::configure);
    }

    @FunctionalInterface
    private interface SimulatorStart {
        DataWorksSimulator start() throws Exception;
    }

    private static LocalStack start(SimulatorStart simulatorStart, Path jobConfig, StreamExecutionEnvironment env, JobWiring wiring)
            throws Exception {
        Settings fromFile = JobConfigLoader.load(jobConfig);
        EmbeddedKafka kafka = EmbeddedKafka.start();
        DataWorksSimulator simulator = null;
        try {
            kafka.createTopics(fromFile.alertsTopic(), fromFile.eventsTopic(), fromFile.latenessTopic());
            simulator = simulatorStart.start();
            LocalStack stack = new LocalStack(simulator, kafka, fromFile.withEndpoints(simulator.endpoint(), kafka.bootstrapServers()));
            // The simulator's published test key: the demo has no Alibaba Cloud account to take one from.
            wiring.configure(env, stack.settings,
                    new StaticCredentials(ScenarioLoader.DEFAULT_KEY_ID, ScenarioLoader.DEFAULT_KEY_SECRET));
            stack.job = env.executeAsync(stack.settings.jobName());
            return stack;
        } catch (Exception e) {
            if (simulator != null) {
                simulator.close();
            }
            kafka.close();
            throw e;
        }
    }

    public DataWorksSimulator simulator() {
        return simulator;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Settings settings() {
        return settings;
    }

    public JobClient job() {
        return job;
    }

    /** Wall-clock milliseconds until the scenario's end on the simulated clock; in a replay, 0 once every answer was served. */
    public long millisUntilScenarioEnd() {
        if (simulator.replaying()) {
            return simulator.replayExhausted() ? 0 : 1000;
        }
        return simulator.clock().wallMillisUntil(simulator.scenario().end());
    }

    @Override
    public void close() throws Exception {
        try {
            if (job != null) {
                job.cancel().get();
                // Wait for the tasks to stop, so none of them calls the simulator after it is gone.
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !job.getJobStatus().get().isGloballyTerminalState()) {
                    Thread.sleep(100);
                }
            }
        } catch (Exception e) {
            // Already finished or failed; its cause was reported where the job ran.
        } finally {
            simulator.close();
            kafka.close();
        }
    }
}
