package dev.baselinewatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The README's first command: simulator + in-process Kafka + the job on a local Flink runtime,
 * printing alerts and events as a Kafka subscriber ({@code read_committed}) receives them, then a
 * summary once the scenario's day is over.
 *
 * <pre>mvn -q test-compile exec:exec [-Ddemo.args="--scenario my.yaml --config job-config/demo.yaml"]</pre>
 */
public final class LocalDemo {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LocalDemo() {}

    public static void main(String[] args) throws Exception {
        String scenarioFile = option(args, "--scenario", null);
        Path config = Path.of(option(args, "--config", "job-config/demo.yaml"));
        Scenario scenario = scenarioFile == null ? ScenarioLoader.loadResource("scenarios/demo.yaml") : ScenarioLoader.load(Path.of(scenarioFile));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, LoopbackMiniCluster.loopbackConfiguration());
        System.out.printf("baseline-watch demo: scenario '%s', business date %s, %d baselines, DataWorks clock %.0fx (%s to %s)%n",
                scenario.name(), scenario.bizdate(), scenario.baselines().size(), scenario.speed(),
                scenario.start().atZone(scenario.zone()).toLocalTime(), scenario.end().atZone(scenario.zone()).toLocalDateTime());
        int exitCode;
        try (LocalStack stack = LocalStack.start(scenario, config, env);
                TopicTail alerts = new TopicTail(stack.kafka(), stack.settings().alertsTopic(), a -> printAlert(a, stack));
                TopicTail events = new TopicTail(stack.kafka(), stack.settings().eventsTopic(), e -> printEvent(e, stack))) {
            System.out.printf("simulator %s, Kafka %s, topics %s and %s (read_committed)%n%n",
                    stack.simulator().endpoint(), stack.kafka().bootstrapServers(), stack.settings().alertsTopic(), stack.settings().eventsTopic());
            JobStatus status = follow(stack, alerts, events);
            exitCode = status.isGloballyTerminalState() ? 1 : 0;
            if (exitCode != 0) {
                System.out.println("The job stopped with status " + status + "; see the log above for its cause.");
            }
            new Summary(alerts.records(), events.records(), stack.simulator().calls()).print(System.out);
        }
        System.exit(exitCode);
    }

    /** Reads until the simulated day is over and two more checkpoints have made the last alerts visible. */
    private static JobStatus follow(LocalStack stack, TopicTail alerts, TopicTail events) throws Exception {
        long checkpointMillis = stack.settings().checkpointInterval().toMillis();
        long quietUntil = Long.MAX_VALUE;
        while (System.currentTimeMillis() < quietUntil) {
            alerts.poll(Duration.ofMillis(200));
            events.poll(Duration.ZERO);
            JobStatus status = stack.job().getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                return status;
            }
            if (quietUntil == Long.MAX_VALUE && stack.millisUntilScenarioEnd() == 0) {
                quietUntil = System.currentTimeMillis() + 2 * checkpointMillis + 500;
            }
        }
        return stack.job().getJobStatus().get();
    }

    private static void printAlert(JsonNode alert, LocalStack stack) {
        System.out.printf("[received %s DataWorks time] ALERT %-8s %-16s %-8s %s%s%n    %s%n",
                now(stack), alert.path("state").asText(), alert.path("kind").asText(), alert.path("severity").asText(),
                alert.path("baseline").path("name").asText() + " " + alert.path("instance").asText(),
                alert.has("culprit") ? " culprit " + alert.path("culprit").path("nodeName").asText() : "",
                alert);
    }

    private static void printEvent(JsonNode event, LocalStack stack) {
        System.out.printf("[received %s DataWorks time] EVENT %s on %s%n    %s%n",
                now(stack), event.path("topicName").asText(), event.path("instance").asText(), event);
    }

    private static String now(LocalStack stack) {
        Scenario scenario = stack.simulator().scenario();
        return CLOCK.format(stack.simulator().clock().now().atZone(scenario.zone()));
    }

    private static String option(String[] args, String name, String fallback) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i], args[i + 1]);
            }
        }
        return options.getOrDefault(name, fallback);
    }
}
