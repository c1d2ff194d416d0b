package dev.baselinewatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baselinewatch.local.LocalStack;
import dev.baselinewatch.local.TopicTail;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import dev.baselinewatch.testing.RecordSchemas;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job on a MiniCluster against the simulator and a real Kafka broker, on the bundled demo
 * scenario and the shipped demo config: what the README's first command shows is what is asserted.
 */
class BaselineWatchJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = LoopbackMiniCluster.extension(2);

    @Test
    void alertsLateAndAtRiskBaselinesWithTheirCulpritAndLeavesTheOnTimeOneAlone() throws Exception {
        // The demo scenario, end to end: alerts of every kind the scenario causes, events forwarded once each,
        // lateness windows at their close, each record checked against its published JSON Schema.
        Scenario scenario = ScenarioLoader.loadResource("scenarios/demo.yaml");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        try (LocalStack stack = LocalStack.start(scenario, Path.of("job-config/demo.yaml"), env);
                TopicTail alerts = new TopicTail(stack.kafka(), stack.settings().alertsTopic(), a -> {});
                TopicTail events = new TopicTail(stack.kafka(), stack.settings().eventsTopic(), e -> {});
                TopicTail windows = new TopicTail(stack.kafka(), stack.settings().latenessTopic(), w -> {})) {
            String day = scenario.bizdate().toString();
            // 1002: its slow node and DataWorks' SLOW event are alerted too, and all resolve when it finishes.
            // 1004: its failed node (through the rerun, until it succeeds) and DataWorks' ERROR event likewise.
            Map<String, String> expectedFinalState = Map.of(
                    "1002:" + day + ":1:BASELINE_AT_RISK", "RESOLVED",
                    "1002:" + day + ":1:BASELINE_LATE", "RESOLVED",
                    "1002:" + day + ":1:NODE_SLOW", "RESOLVED",
                    "1002:" + day + ":1:EVENT_OPENED", "RESOLVED",
                    "1003:" + day + ":1:BASELINE_AT_RISK", "FIRING",
                    "1003:" + day + ":1:BASELINE_LATE", "FIRING",
                    "1004:" + day + ":1:BASELINE_AT_RISK", "RESOLVED",
                    "1004:" + day + ":1:NODE_FAILED", "RESOLVED",
                    "1004:" + day + ":1:EVENT_OPENED", "RESOLVED");
            // The demo config closes the business date's windows at 07:30 on the run day, before the scenario ends.
            // 1001 finishes at 02:40: a job that first looks after that never hears of it (the source lists
            // unfinished instances only), so its window, and its part in project 10's, depend on how fast the job started.
            Set<String> expectedWindows = Set.of("BASELINE:1002:" + day + ":DAY", "BASELINE:1003:" + day + ":DAY",
                    "BASELINE:1004:" + day + ":DAY", "PROJECT:10:" + day + ":DAY", "PROJECT:11:" + day + ":DAY");

            long deadline = System.currentTimeMillis() + stack.millisUntilScenarioEnd() + 60_000;
            while (System.currentTimeMillis() < deadline
                    && !(stack.millisUntilScenarioEnd() == 0 && lastStateById(alerts.records()).equals(expectedFinalState)
                            && windowIds(windows.records()).containsAll(expectedWindows))) {
                alerts.poll(Duration.ofMillis(500));
                events.poll(Duration.ZERO);
                windows.poll(Duration.ZERO);
                assertThat(stack.job().getJobStatus().get().isGloballyTerminalState()).as("job still running").isFalse();
            }
            // Two more checkpoints: anything still to come would be visible by then.
            Thread.sleep(2 * stack.settings().checkpointInterval().toMillis() + 500);
            alerts.poll(Duration.ofSeconds(1));
            events.poll(Duration.ofSeconds(1));
            windows.poll(Duration.ofSeconds(1));

            List<JsonNode> all = alerts.records();
            // Every record on every topic is what its published JSON Schema says.
            assertThat(all).allSatisfy(a -> assertThat(RecordSchemas.problems(RecordSchemas.ALERTS, a)).as(a.toString()).isEmpty());
            assertThat(events.records()).allSatisfy(e -> assertThat(RecordSchemas.problems(RecordSchemas.EVENTS, e)).as(e.toString()).isEmpty());
            assertThat(windows.records()).allSatisfy(w -> assertThat(RecordSchemas.problems(RecordSchemas.LATENESS, w)).as(w.toString()).isEmpty());

            assertThat(lastStateById(all)).isEqualTo(expectedFinalState);
            assertThat(all).noneMatch(a -> a.path("baseline").path("id").asLong() == 1001);

            Map<String, Set<String>> culprits = all.stream()
                    .filter(a -> a.path("state").asText().equals("FIRING"))
                    .collect(Collectors.groupingBy(a -> a.path("alertId").asText(),
                            Collectors.mapping(a -> a.path("culprit").path("nodeName").asText("(none)"), Collectors.toSet())));
            assertThat(culprits).containsOnly(
                    Map.entry("1002:" + day + ":1:BASELINE_AT_RISK", Set.of("dwd_orders")),
                    Map.entry("1002:" + day + ":1:BASELINE_LATE", Set.of("dwd_orders")),
                    Map.entry("1002:" + day + ":1:NODE_SLOW", Set.of("dwd_orders")),
                    Map.entry("1002:" + day + ":1:EVENT_OPENED", Set.of("dwd_orders")),
                    Map.entry("1003:" + day + ":1:BASELINE_AT_RISK", Set.of("ods_user_import")),
                    Map.entry("1003:" + day + ":1:BASELINE_LATE", Set.of("ods_user_import")),
                    Map.entry("1004:" + day + ":1:BASELINE_AT_RISK", Set.of("dwd_features")),
                    Map.entry("1004:" + day + ":1:NODE_FAILED", Set.of("dwd_features")),
                    Map.entry("1004:" + day + ":1:EVENT_OPENED", Set.of("dwd_features")));

            // Each id opens once: sequence numbers of one id are 1, 2, 3... with no repeats or gaps.
            Map<String, List<Integer>> sequences = all.stream().collect(Collectors.groupingBy(a -> a.path("alertId").asText(),
                    Collectors.mapping(a -> a.path("sequence").asInt(), Collectors.toList())));
            sequences.forEach((id, seq) -> assertThat(seq).as(id)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seq.size()).boxed().toList()));
            // Reminders while firing, never more than the configured maximum (3) per alert.
            Map<String, Long> reminders = all.stream().filter(a -> a.path("reason").asText().startsWith("reminder "))
                    .collect(Collectors.groupingBy(a -> a.path("alertId").asText(), Collectors.counting()));
            assertThat(reminders).isNotEmpty().allSatisfy((id, count) -> assertThat(count).as(id).isLessThanOrEqualTo(3));
            assertThat(reminders.get("1003:" + day + ":1:BASELINE_LATE")).as("still firing for hours").isEqualTo(3);

            JsonNode late1002 = all.stream().filter(a -> a.path("alertId").asText().equals("1002:" + day + ":1:BASELINE_LATE")
                    && a.path("state").asText().equals("FIRING")).findFirst().orElseThrow();
            assertThat(late1002.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(late1002.path("baseline").path("name").asText()).isEqualTo("ads_gmv_report");
            assertThat(late1002.path("committedTime").asText()).isEqualTo(scenario.bizdate().plusDays(1) + "T05:00+08:00");
            assertThat(late1002.path("culprit").path("owner").asText()).isEqualTo("200099");
            assertThat(late1002.path("requestId").asText()).isNotBlank();

            Map<Long, String> forwarded = events.records().stream().collect(
                    Collectors.toMap(e -> e.path("topicId").asLong(), e -> e.path("instance").asText() + " " + e.path("topicName").asText()));
            assertThat(forwarded).containsOnly(
                    Map.entry(100202001L * 10 + 2, "1002:" + day + ":1 dwd_orders变慢"),
                    Map.entry(100402001L * 10 + 1, "1004:" + day + ":1 dwd_features出错"));
            assertThat(stack.simulator().calls().answers("SignatureDoesNotMatch")).isZero();

            Map<String, JsonNode> windowById = windows.records().stream()
                    .collect(Collectors.toMap(w -> w.path("windowId").asText(), w -> w));
            boolean sawOnTime = windowById.containsKey("BASELINE:1001:" + day + ":DAY");
            assertThat(windowById.keySet()).containsAll(expectedWindows).hasSize(expectedWindows.size() + (sawOnTime ? 1 : 0));
            if (sawOnTime) {
                assertThat(summary(windowById.get("BASELINE:1001:" + day + ":DAY"))).isEqualTo("1 instances, 0 late, 0 unfinished, 0s total, 0s max");
                assertThat(windowById.get("BASELINE:1001:" + day + ":DAY").path("atRiskSeconds").asLong()).isZero();
            }
            assertThat(summary(windowById.get("BASELINE:1002:" + day + ":DAY"))).isEqualTo("1 instances, 1 late, 0 unfinished, 1800s total, 1800s max");
            // Unfinished when the window closed at 07:30, three and a half hours after its 04:00 committed time.
            assertThat(summary(windowById.get("BASELINE:1003:" + day + ":DAY"))).isEqualTo("1 instances, 1 late, 1 unfinished, 12600s total, 12600s max");
            assertThat(summary(windowById.get("BASELINE:1004:" + day + ":DAY"))).isEqualTo("1 instances, 0 late, 0 unfinished, 0s total, 0s max");
            assertThat(summary(windowById.get("PROJECT:10:" + day + ":DAY")))
                    .isEqualTo((sawOnTime ? 2 : 1) + " instances, 1 late, 0 unfinished, 1800s total, 1800s max");
            assertThat(summary(windowById.get("PROJECT:11:" + day + ":DAY"))).isEqualTo("2 instances, 1 late, 1 unfinished, 12600s total, 12600s max");
            assertThat(windowById.get("BASELINE:1002:" + day + ":DAY").path("atRiskSeconds").asLong()).isPositive();
            assertThat(windowById.get("BASELINE:1003:" + day + ":DAY").path("lateInstances").toString()).isEqualTo("[\"1003:" + day + ":1\"]");
            assertThat(windowById.get("PROJECT:11:" + day + ":DAY").path("closedAt").asText())
                    .isEqualTo(scenario.bizdate().plusDays(1) + "T07:30+08:00");
        }
    }

    private static Set<String> windowIds(List<JsonNode> windows) {
        return windows.stream().map(w -> w.path("windowId").asText()).collect(Collectors.toSet());
    }

    private static String summary(JsonNode window) {
        return window.path("instances").asInt() + " instances, " + window.path("late").asInt() + " late, "
                + window.path("unfinished").asInt() + " unfinished, " + window.path("totalLatenessSeconds").asLong() + "s total, "
                + window.path("maxLatenessSeconds").asLong() + "s max";
    }

    @Test
    void anEditionWithoutApiAccessFailsTheJobAtOnceSayingWhatToFix() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                clock: { start: "03:00", speed: 60 }
                baselines:
                  - { id: 1001, committedTime: "06:00", nodes: [ { plannedStart: "01:00", expectedDuration: 30m } ] }
                faults:
                  - { kind: FORBIDDEN_ACCESS }
                """, "no-api-access");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        try (LocalStack stack = LocalStack.start(scenario, Path.of("job-config/demo.yaml"), env)) {
            Throwable failure = null;
            try {
                stack.job().getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e;
            }
            assertThat(failure).as("the job failed instead of restarting").isNotNull();
            assertThat(ExceptionUtils.stringifyException(failure))
                    .contains("Forbidden.Access")
                    .contains("fix the configuration or account");
            assertThat(stack.job().getJobStatus().get()).isEqualTo(JobStatus.FAILED);
            // One attempt per watched instance at most, not a restart loop hammering the API.
            assertThat(stack.simulator().calls().answers("Forbidden.Access")).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void checkpointsKeepCompletingWhileDataWorksThrottlesTheJob(@InjectMiniCluster MiniCluster cluster) throws Exception {
        // Half a minute of wall time (the clock runs 2x) in which DataWorks throttles every call, asking for 3 s pauses.
        Scenario scenario = ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 2 }
                baselines:
                  - { id: 1001, committedTime: "06:00", nodes: [ { plannedStart: "02:00", expectedDuration: 3h } ] }
                  - { id: 1002, committedTime: "06:00", nodes: [ { plannedStart: "02:00", expectedDuration: 3h } ] }
                faults:
                  - { kind: THROTTLE, until: "03:01", rateLimitHeader: true, timeLeft: 3s }
                """, "throttled");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        try (LocalStack stack = LocalStack.start(scenario, Path.of("job-config/demo.yaml"), env)) {
            Thread.sleep(5_000);
            long early = completedCheckpoints(cluster, stack);
            Thread.sleep(20_000);
            long late = completedCheckpoints(cluster, stack);

            assertThat(stack.simulator().calls().log())
                    .filteredOn(c -> c.wallNanos() < System.nanoTime() - 5_000_000_000L)
                    .isNotEmpty()
                    .allMatch(c -> c.outcome().equals("Throttling.User"));
            // One checkpoint a second (half a second apart at least): throttling must not hold them up.
            assertThat(late - early).isGreaterThanOrEqualTo(10);
        }
    }

    private static long completedCheckpoints(MiniCluster cluster, LocalStack stack) throws Exception {
        return cluster.getArchivedExecutionGraph(stack.job().getJobID()).get(10, TimeUnit.SECONDS)
                .getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
    }

    private static Map<String, String> lastStateById(List<JsonNode> alerts) {
        Map<String, String> last = new HashMap<>();
        alerts.forEach(a -> last.put(a.path("alertId").asText(), a.path("state").asText()));
        return last;
    }
}
