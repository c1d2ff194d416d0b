package dev.baselinewatch.score;

import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioTruth;
import dev.baselinewatch.testing.CommandLine;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The calls benchmark (issue 4; not a test): one scenario, by default the simulated day of 500 daily
 * baselines ({@code day-500.yaml}), through the same job twice, once with the product's source and
 * once with a naive poller ({@link Poller#NAIVE}), each against its own fresh simulator and broker,
 * with one job config (the same poll interval), one after the other. Prints both side by side with
 * the ratios, and writes them to {@code target/score/bench-calls.json}.
 *
 * <pre>mvn -q test-compile exec:exec@bench-calls [-Dbench.args="--repeat 3 --scenario other.yaml"]</pre>
 *
 * With {@code --repeat n} both pollers run n times (alternating which goes first) and the verdict is
 * taken on all runs' detection latencies together: one run's differ by up to a poll interval with
 * where each instance fell in the rounds.
 *
 * The job config is the scorer's for the scenario ({@link ScenarioJobConfig}); {@code --config} runs
 * both pollers on another one instead, for diagnosing where the calls or the latency go.
 */
public final class CallsBenchmark {

    static final String DEFAULT_SCENARIO = "classpath:scenarios/day-500.yaml";
    /** The target: at most this share of the naive poller's calls, at equal or better detection latency. */
    static final double TARGET_CALL_RATIO = 0.25;

    private CallsBenchmark() {}

    /** One poller's run and its score. */
    record Side(Poller poller, ScoredRun.Outcome outcome, Score score) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String source = options.getOrDefault("--scenario", DEFAULT_SCENARIO);
        Scenario scenario = ScoreMain.load(source);
        Path config = options.containsKey("--config") ? Path.of(options.get("--config")) : ScenarioJobConfig.write(scenario, ScoreFiles.DIR);
        Settings settings = JobConfigLoader.load(config);
        ScenarioTruth truth = ScenarioTruth.of(scenario);
        System.out.printf("Calls benchmark on '%s' (%s): %d instances, clock %.0fx, poll interval %d ms, "
                        + "job config %s; ours then naive, each on a fresh simulator and broker%n",
                scenario.name(), source, truth.instances().size(), scenario.speed(), settings.polling().pollInterval().toMillis(), config);

        int repeat = Integer.parseInt(options.getOrDefault("--repeat", "1"));
        PooledComparison pooled = new PooledComparison(TARGET_CALL_RATIO);
        for (int run = 1; run <= repeat; run++) {
            // Every other run the naive poller goes first, so a machine that slows down over the runs favours neither.
            List<Poller> order = run % 2 == 1 ? List.of(Poller.OURS, Poller.NAIVE) : List.of(Poller.NAIVE, Poller.OURS);
            Map<Poller, Side> sides = new LinkedHashMap<>();
            for (Poller poller : order) {
                System.out.printf("%s: run %d of %d, %s poller...%n", Instant.now(), run, repeat, poller.label());
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, LoopbackMiniCluster.loopbackConfiguration());
                ScoredRun.Outcome outcome = ScoredRun.run(scenario, config, env, poller.wiring());
                if (!outcome.jobRan()) {
                    System.out.printf("The job with the %s poller stopped before the end (%s): no comparison.%n", poller.label(), outcome.jobStatus());
                    System.exit(1);
                }
                sides.put(poller, new Side(poller, outcome, Scorecard.score(outcome.alerts(), truth.instances())));
            }
            BenchmarkTable table = new BenchmarkTable(scenario, sides.get(Poller.OURS), sides.get(Poller.NAIVE), TARGET_CALL_RATIO);
            table.print(System.out);
            pooled.add(table);
            String suffix = repeat == 1 ? "" : "-" + run;
            Path json = ScoreFiles.writeJson("bench-calls" + suffix + ".json", table.toJson(source, config.toString()));
            System.out.println("written to " + json);
            for (Side side : sides.values()) {
                System.out.println("calls written to " + CallLogFile.write("bench-calls" + suffix + "-" + side.poller().label() + ".csv", side.outcome()));
            }
        }
        if (repeat > 1) {
            pooled.print(System.out);
        }
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        return CommandLine.options(args, Set.of("--scenario", "--config", "--repeat"),
                "usage: CallsBenchmark [--scenario FILE] [--repeat RUNS (both pollers each run; the verdict is on all runs)]"
                        + " [--config JOB_CONFIG (a diagnostic: the benchmark's own is the scorer's)]");
    }
}
