package dev.baselinewatch.source;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baselinewatch.config.JobConfigLoader;
import dev.baselinewatch.config.Settings;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.local.TopicTail;
import dev.baselinewatch.simulator.CallCounter.Call;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.enumerator.BaselineEnumState;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.EmbeddedKafka;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source in the real runtime (MiniCluster, simulator over signed HTTP, a real broker): a restore
 * at another parallelism watches every baseline exactly once, and the job as a whole keeps to its
 * call budget as the simulator counts it.
 */
class BaselineSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = LoopbackMiniCluster.extension(4);

    /** The splits each reader held at its latest checkpoint, by subtask: what the runtime really assigned. */
    private static final Map<Integer, Set<Long>> HELD = new ConcurrentHashMap<>();
    private static final AtomicInteger SNAPSHOTS = new AtomicInteger();

    private static final String SCENARIO = """
            clock: { runDay: 2026-12-03, start: "02:00", speed: 60 }
            baselines:
              - { id: 1, projectId: 10, committedTime: "03:00", nodes: [ { name: a1, plannedStart: "01:00", expectedDuration: 3h } ] }
              - { id: 2, projectId: 10, committedTime: "03:00", nodes: [ { name: a2, plannedStart: "01:00", expectedDuration: 3h,
                  actualDuration: 10m, outcome: FAILURE } ] }
              - { id: 3, projectId: 10, committedTime: "09:00", nodes: [ { name: a3, plannedStart: "01:00", expectedDuration: 30m } ] }
              - { id: 4, projectId: 10, committedTime: "03:00", nodes: [ { name: a4, plannedStart: "01:00", expectedDuration: 3h } ] }
              - { id: 5, projectId: 10, committedTime: "09:00", nodes: [ { name: a5, plannedStart: "08:00", expectedDuration: 30m } ] }
              - { id: 6, projectId: 10, committedTime: "03:00", nodes: [ { name: a6, plannedStart: "01:00", expectedDuration: 3h,
                  actualDuration: 20m, outcome: FAILURE } ] }
              - { id: 7, projectId: 10, committedTime: "09:00", nodes: [ { name: a7, plannedStart: "01:00", expectedDuration: 30m } ] }
            """;

    @TempDir
    Path savepoints;

    @Test
    void aRestoreAtAnotherParallelismWatchesEveryBaselineExactlyOnce() throws Exception {
        HELD.clear();
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse(SCENARIO, "rescale"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Settings two = settings(simulator, kafka, "[1, 2, 3, 4, 5, 6]", 2, "callsPerSecond: 50");
            kafka.createTopics(two.alertsTopic(), two.eventsTopic(), two.latenessTopic());

            JobClient first = submit(two, null);
            waitFor(() -> held().equals(Set.of(1L, 2L, 3L, 4L, 5L, 6L)) && HELD.size() == 2, "both readers checkpointed their splits");
            assertExactlyOnce(Set.of(1L, 2L, 3L, 4L, 5L, 6L));
            String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);

            // Three readers now, and baseline 7 is new to the config.
            HELD.clear();
            Settings three = settings(simulator, kafka, "[1, 2, 3, 4, 5, 6, 7]", 3, "callsPerSecond: 50");
            JobClient second = submit(three, savepoint);
            try {
                waitFor(() -> held().equals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)) && HELD.size() == 3,
                        "three readers checkpointed every baseline after the restore");
                assertExactlyOnce(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
                assertThat(HELD.values()).as("restored splits spread over the readers, the new one where there was room")
                        .allSatisfy(held -> assertThat(held).hasSizeBetween(2, 3));

                // Each DataWorks event went out once, across the restore (the split state remembered it).
                try (TopicTail events = new TopicTail(kafka, three.eventsTopic(), e -> {})) {
                    waitFor(() -> poll(events).size() >= 2, "both failures forwarded");
                    Map<Long, Long> perTopic = events.records().stream()
                            .collect(Collectors.groupingBy(e -> e.path("topicId").asLong(), Collectors.counting()));
                    assertThat(perTopic).hasSize(2).allSatisfy((topic, count) -> assertThat(count).as("topic " + topic).isEqualTo(1));
                }
            } finally {
                second.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theWholeJobKeepsToItsRateAndDailyQuotaAsTheSimulatorCountsThem() throws Exception {
        HELD.clear();
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse(SCENARIO, "budget"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            // Three readers and the enumerator share 6 calls a second and 40 a day.
            Settings settings = settings(simulator, kafka, "[1, 2, 3, 4, 5, 6, 7]", 3, "callsPerSecond: 6\n  callsPerDay: 40");
            kafka.createTopics(settings.alertsTopic(), settings.eventsTopic(), settings.latenessTopic());
            JobClient job = submit(settings, null);
            try {
                waitFor(() -> simulator.calls().total() >= 33, "most of the day's quota spent");
                Thread.sleep(2_000);
                int snapshots = SNAPSHOTS.get();
                Thread.sleep(3_000);
                assertThat(SNAPSHOTS.get() - snapshots).as("checkpoints go on with the quota spent").isGreaterThanOrEqualTo(6);
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
            List<Call> calls = simulator.calls().log();
            // Leased calls a reader had no use for stay unspent: never more than the quota, the enumerator's calls included.
            assertThat(calls).as("the day's quota, enumerator included").hasSizeBetween(33, 40);
            assertThat(calls).filteredOn(c -> c.action().equals("GetBaseline")).hasSize(7);
            for (int i = 0; i + 6 < calls.size(); i++) {
                assertThat(calls.get(i + 6).wallNanos() - calls.get(i).wallNanos()).as("calls " + i + ".." + (i + 6))
                        .isGreaterThan(990_000_000L);
            }
        }
    }

    @Test
    void discoveredBaselinesAreWatchedAndAReaderWithNothingToWatchHoldsNoAlertBack() throws Exception {
        HELD.clear();
        // Three readers, two baselines found by discovery: one reader has no split, and its watermark must not
        // hold back the deadline timers downstream.
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "02:50", speed: 60 }
                baselines:
                  - { id: 21, projectId: 30, committedTime: "03:00", nodes: [ { name: frozen, plannedStart: "01:00",
                      expectedDuration: 30m, outcome: NEVER_STARTS } ] }
                  - { id: 22, projectId: 30, committedTime: "09:00", nodes: [ { name: fine, plannedStart: "08:00", expectedDuration: 30m } ] }
                  - { id: 23, projectId: 31, committedTime: "03:00", nodes: [ { name: elsewhere, plannedStart: "01:00",
                      expectedDuration: 30m, outcome: NEVER_STARTS } ] }
                """, "discovery"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Settings settings = JobConfigLoader.parse("""
                    job: { name: source-itcase, sourceParallelism: 3 }
                    dataworks: { endpoint: %s, timeZone: "+08:00", pollInterval: 200ms, farPollInterval: 1s, blindSpotAfter: 5s }
                    budget: { callsPerSecond: 50 }
                    discovery: { projects: [ { projectId: 30 } ] }
                    kafka: { bootstrapServers: %s, transactionTimeout: 1m }
                    checkpointing: { interval: 500ms }
                    """.formatted(simulator.endpoint(), kafka.bootstrapServers()), "discovery.yaml");
            kafka.createTopics(settings.alertsTopic(), settings.eventsTopic(), settings.latenessTopic());
            JobClient job = submit(settings, null);
            try (TopicTail alerts = new TopicTail(kafka, settings.alertsTopic(), a -> {})) {
                waitFor(() -> poll(alerts).stream().anyMatch(a -> a.path("alertId").asText().equals("21:2026-12-02:1:BASELINE_LATE")),
                        "the frozen baseline's BASELINE_LATE at 03:00, ten DataWorks minutes in");
                assertThat(held()).as("project 30's baselines, not project 31's").containsExactlyInAnyOrder(21L, 22L);
                assertThat(HELD).hasSize(3).containsValue(Set.of());
                assertThat(alerts.records()).noneMatch(a -> a.path("baseline").path("id").asLong() == 23);
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Settings settings(DataWorksSimulator simulator, EmbeddedKafka kafka, String ids, int readers, String budget) {
        return JobConfigLoader.parse("""
                job: { name: source-itcase, sourceParallelism: %d }
                dataworks:
                  endpoint: %s
                  timeZone: "+08:00"
                  pollInterval: 200ms
                  farPollInterval: 1s
                  blindSpotAfter: 5s
                budget:
                  %s
                baselines: %s
                kafka:
                  bootstrapServers: %s
                  transactionTimeout: 1m
                checkpointing:
                  interval: 500ms
                """.formatted(readers, simulator.endpoint(), budget,
                ids.replaceAll("(\\d+)", "{ id: $1 }"), kafka.bootstrapServers()), "source-itcase.yaml");
    }

    private static JobClient submit(Settings settings, String savepoint) throws Exception {
        Configuration config = LoopbackMiniCluster.loopbackConfiguration();
        if (savepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(settings.sourceParallelism());
        BaselineSource source = new BaselineSource(settings.watch(), settings.projectZone(), settings.polling(),
                () -> SimulatorClients.client(settings.endpoint(), Duration.ofSeconds(5)));
        BaselineWatchJob.configure(env, settings, new Recording(source), settings.sourceParallelism());
        return env.executeAsync(settings.jobName());
    }

    private static void assertExactlyOnce(Set<Long> all) {
        Map<Long, Integer> readersOf = new HashMap<>();
        HELD.values().forEach(held -> held.forEach(id -> readersOf.merge(id, 1, Integer::sum)));
        assertThat(readersOf.keySet()).isEqualTo(all);
        assertThat(readersOf).as("readers per baseline").allSatisfy((id, readers) -> assertThat(readers).isEqualTo(1));
    }

    private static Set<Long> held() {
        Set<Long> all = new HashSet<>();
        HELD.values().forEach(all::addAll);
        return all;
    }

    private static List<JsonNode> poll(TopicTail tail) {
        try {
            tail.poll(Duration.ofMillis(200));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tail.records();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The real source, its readers reporting which splits they checkpoint: what the runtime assigned, seen from outside. */
    private record Recording(BaselineSource delegate) implements Source<BaselineEvent, BaselineSplit, BaselineEnumState> {

        @Override
        public Boundedness getBoundedness() {
            return delegate.getBoundedness();
        }

        @Override
        public SourceReader<BaselineEvent, BaselineSplit> createReader(SourceReaderContext context) throws Exception {
            return new RecordingReader(delegate.createReader(context), context.getIndexOfSubtask());
        }

        @Override
        public SplitEnumerator<BaselineSplit, BaselineEnumState> createEnumerator(SplitEnumeratorContext<BaselineSplit> context)
                throws Exception {
            return delegate.createEnumerator(context);
        }

        @Override
        public SplitEnumerator<BaselineSplit, BaselineEnumState> restoreEnumerator(
                SplitEnumeratorContext<BaselineSplit> context, BaselineEnumState checkpoint) throws Exception {
            return delegate.restoreEnumerator(context, checkpoint);
        }

        @Override
        public SimpleVersionedSerializer<BaselineSplit> getSplitSerializer() {
            return delegate.getSplitSerializer();
        }

        @Override
        public SimpleVersionedSerializer<BaselineEnumState> getEnumeratorCheckpointSerializer() {
            return delegate.getEnumeratorCheckpointSerializer();
        }
    }

    private record RecordingReader(SourceReader<BaselineEvent, BaselineSplit> delegate, int subtask)
            implements SourceReader<BaselineEvent, BaselineSplit> {

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<BaselineEvent> output) throws Exception {
            return delegate.pollNext(output);
        }

        @Override
        public List<BaselineSplit> snapshotState(long checkpointId) {
            List<BaselineSplit> splits = delegate.snapshotState(checkpointId);
            HELD.put(subtask, splits.stream().map(BaselineSplit::baselineId).collect(Collectors.toSet()));
            SNAPSHOTS.incrementAndGet();
            return splits;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> isAvailable() {
            return delegate.isAvailable();
        }

        @Override
        public void addSplits(List<BaselineSplit> splits) {
            delegate.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            delegate.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            delegate.handleSourceEvents(event);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            delegate.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }
    }
}
