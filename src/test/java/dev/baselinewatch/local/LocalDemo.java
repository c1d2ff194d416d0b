package dev.baselinewatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.testing.CommandLine;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The README's first command: simulator + in-process Kafka + the job on a local Flink runtime,
 * printing alerts, events and lateness windows as a Kafka subscriber ({@code read_committed}) receives them, then a
 * summary once the scenario's day is over (or a replayed recording has been served).
 *
 * <pre>mvn -q test-compile exec:exec [-Ddemo.args="--scenario my.yaml --config job-config/demo.yaml"]
 * mvn -q test-compile exec:exec -Ddemo.args="--replay incident.jsonl --config my-job.yaml"</pre>
 */
public final class LocalDemo {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<String> OPTIONS = Set.of("--scenario", "--config", "--replay");
    private static final String USAGE = "usage: LocalDemo [--scenario FILE | --replay RECORDING] [--config JOB_CONFIG]";

    private LocalDemo() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path config = Path.of(options.getOrDefault("--config", "job-config/demo.yaml"));
        String recording = options.get("--replay");
        // Fail on a bad config before starting anything.
        JobConfigLoader.load(config);
        Scenario scenario = null;
        if (recording == null) {
            String scenarioFile = options.get("--scenario");
            scenario = scenarioFile == null ? ScenarioLoader.loadResource("scenarios/demo.yaml") : ScenarioLoader.load(Path.of(scenarioFile));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, LoopbackMiniCluster.loopbackConfiguration());
        if (scenario != null) {
            System.out.printf("baseline-watch demo: scenario '%s', business date %s%s, %d baselines (%d instances a business date), "
                            + "DataWorks clock %.0fx (%s to %s)%n",
                    scenario.name(), scenario.bizdate(), scenario.days() > 1 ? " to " + scenario.lastBizdate() : "",
                    scenario.baselineIds().size(), scenario.instancesPerBizdate(), scenario.speed(),
                    scenario.start().atZone(scenario.zone()).toLocalDateTime(), scenario.end().atZone(scenario.zone()).toLocalDateTime());
        } else {
            System.out.println("baseline-watch demo: replaying " + recording);
        }
        ZoneId zone = JobConfigLoader.load(config).projectZone();
        int exitCode;
        try (LocalStack stack = scenario != null ? LocalStack.start(scenario, config, env) : LocalStack.replay(Path.of(recording), config, env);
                TopicTail alerts = new TopicTail(stack.kafka(), stack.settings().alertsTopic(), a -> printAlert(a));
                TopicTail events = new TopicTail(stack.kafka(), stack.settings().eventsTopic(), e -> printEvent(e, zone));
                TopicTail windows = new TopicTail(stack.kafka(), stack.settings().latenessTopic(), LocalDemo::printWindow)) {
            System.out.printf("simulator %s, Kafka %s, topics %s, %s and %s (read_committed)%n%n",
                    stack.simulator().endpoint(), stack.kafka().bootstrapServers(), stack.settings().alertsTopic(),
                    stack.settings().eventsTopic(), stack.settings().latenessTopic());
            JobStatus status = follow(stack, alerts, events, windows);
            exitCode = status.isGloballyTerminalState() ? 1 : 0;
            if (exitCode != 0) {
                System.out.println("\nThe job stopped (" + status + "): " + cause(stack));
            }
            new Summary(alerts.records(), events.records(), windows.records(), stack.simulator().calls()).print(System.out);
        }
        System.exit(exitCode);
    }

    /** The root cause of a failed job, in one line. */
    private static String cause(LocalStack stack) {
        try {
            stack.job().getJobExecutionResult().get(5, java.util.concurrent.TimeUnit.SECONDS);
            return "no error reported";
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }

    /** The job's status; a local cluster that is gone means the job is over. */
    private static JobStatus status(LocalStack stack) {
        try {
            return stack.job().getJobStatus().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return JobStatus.FAILED;
        }
    }

    /** Reads until the simulated day is over and two more checkpoints have made the last alerts visible. */
    private static JobStatus follow(LocalStack stack, TopicTail alerts, TopicTail events, TopicTail windows) throws Exception {
        long checkpointMillis = stack.settings().checkpointInterval().toMillis();
        long quietUntil = Long.MAX_VALUE;
        while (System.currentTimeMillis() < quietUntil) {
            alerts.poll(Duration.ofMillis(200));
            events.poll(Duration.ZERO);
            windows.poll(Duration.ZERO);
            JobStatus status = status(stack);
            if (status.isGloballyTerminalState()) {
                return status;
            }
            if (quietUntil == Long.MAX_VALUE && stack.millisUntilScenarioEnd() == 0) {
                quietUntil = System.currentTimeMillis() + 2 * checkpointMillis + 500;
            }
        }
        return status(stack);
    }

    private static void printAlert(JsonNode alert) {
        System.out.printf("ALERT %-8s %-16s %-8s %s%s (DataWorks time %s)%n    %s%n",
                alert.path("state").asText(), alert.path("kind").asText(), alert.path("severity").asText(),
                alert.path("baseline").path("name").asText() + " " + alert.path("instance").asText(),
                alert.has("culprit") ? " culprit " + alert.path("culprit").path("nodeName").asText() : "",
                time(alert.path("lastUpdated").asText()), alert);
    }

    private static void printEvent(JsonNode event, ZoneId zone) {
        System.out.printf("EVENT %s on %s (found %s, seen %s)%n    %s%n",
                event.path("topicName").asText(), event.path("instance").asText(),
                time(event.path("addTime").asText()), time(event.path("observedAt").asText()), event);
    }

    private static void printWindow(JsonNode window) {
        System.out.printf("LATENESS %-32s %d of %d late, total %ss, max %ss, at risk %ss (closed %s)%n    %s%n",
                window.path("windowId").asText(), window.path("late").asInt(), window.path("instances").asInt(),
                window.path("totalLatenessSeconds").asText(), window.path("maxLatenessSeconds").asText(),
                window.path("atRiskSeconds").asText(), time(window.path("closedAt").asText()), window);
    }

    private static String time(String isoOffsetDateTime) {
        try {
            return CLOCK.format(java.time.OffsetDateTime.parse(isoOffsetDateTime));
        } catch (RuntimeException e) {
            return isoOffsetDateTime;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = CommandLine.options(args, OPTIONS, USAGE);
        if (options.containsKey("--scenario") && options.containsKey("--replay")) {
            throw new IllegalArgumentException("--scenario and --replay exclude each other; " + USAGE);
        }
        return options;
    }
}
