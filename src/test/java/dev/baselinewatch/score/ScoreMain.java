package dev.baselinewatch.score;

import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.simulator.ScenarioTruth;
import dev.baselinewatch.testing.CommandLine;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Scores the job on a scenario: runs it through the whole job (simulator, real broker, local Flink)
 * from the clock's start to its end and judges the alerts against the scenario's ground truth.
 *
 * <pre>mvn -q test-compile exec:exec@score -Dscore.args="--scenario my.yaml [--config job-config/my.yaml]"
 * mvn -q test-compile exec:exec@score -Dscore.args="--scenario classpath:scenarios/day-500.yaml"</pre>
 *
 * Without {@code --config} the job watches every baseline of every project of the scenario, on the
 * production schedule scaled to its clock ({@link ScenarioJobConfig}). Prints the report and writes
 * it to {@code target/score/<scenario>.json}. Exits 1 when the job stopped before the end.
 * {@code --poller naive} runs the same job with the calls benchmark's naive poller as its source;
 * {@code --calls-log f.csv} writes every API call of the run to {@code target/score/f.csv}.
 */
public final class ScoreMain {

    private static final Set<String> OPTIONS = Set.of("--scenario", "--config", "--poller", "--calls-log");
    private static final String USAGE =
            "usage: ScoreMain --scenario FILE|classpath:scenarios/NAME.yaml [--config JOB_CONFIG] [--poller ours|naive] [--calls-log FILE.csv]";

    private ScoreMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String scenarioSource = options.get("--scenario");
        Scenario scenario = load(scenarioSource);
        Path config = options.containsKey("--config") ? Path.of(options.get("--config")) : ScenarioJobConfig.write(scenario, ScoreFiles.DIR);
        // Fail on a bad config before starting anything.
        JobConfigLoader.load(config);
        ScenarioTruth truth = ScenarioTruth.of(scenario);
        System.out.printf("Scoring scenario '%s': %d instances, clock %.0fx from %s to %s (about %d s), job config %s%n",
                scenario.name(), truth.instances().size(), scenario.speed(), scenario.start().atZone(scenario.zone()).toLocalDateTime(),
                scenario.end().atZone(scenario.zone()).toLocalDateTime(),
                (scenario.end().toEpochMilli() - scenario.start().toEpochMilli()) / Math.round(scenario.speed() * 1000), config);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, LoopbackMiniCluster.loopbackConfiguration());
        Poller poller = Poller.named(options.getOrDefault("--poller", "ours"));
        ScoredRun.Outcome outcome = ScoredRun.run(scenario, config, env, poller.wiring());
        Score score = Scorecard.score(outcome.alerts(), truth.instances());
        ScoreReport report = ScoreReport.of(scenario, scenarioSource, poller, config.toString(), truth.instances().size(), outcome, score);
        report.print(System.out);
        Path json = ScoreFiles.writeJson(ScoreFiles.safeName(scenario.name()) + (poller == Poller.OURS ? "" : "-" + poller.label())
                + ".json", report);
        System.out.println("  written to " + json);
        if (options.containsKey("--calls-log")) {
            System.out.println("  calls written to " + CallLogFile.write(Path.of(options.get("--calls-log")).getFileName().toString(), outcome));
        }
        System.exit(outcome.jobRan() ? 0 : 1);
    }

    /** A scenario file, or {@code classpath:scenarios/x.yaml} for one of the bundled library. */
    public static Scenario load(String source) {
        if (source.startsWith("classpath:")) {
            return ScenarioLoader.loadResource(source.substring("classpath:".length()).replaceFirst("^/", ""));
        }
        return ScenarioLoader.load(Path.of(source));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = CommandLine.options(args, OPTIONS, USAGE);
        if (!options.containsKey("--scenario")) {
            throw new IllegalArgumentException("--scenario is required; " + USAGE);
        }
        return options;
    }
}
