package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.dataworks.model.NodeTopic;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.FakeDataWorksApi;
import dev.baselinewatch.testing.RecordingReaderOutput;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineSourceReaderTest {

    private static final ZoneId ZONE = ZoneOffset.ofHours(8);
    /** 2026-12-03 02:00 +08:00: the current bizdate is 2026-12-02. */
    private static final long NOW = LocalDate.of(2026, 12, 3).atStartOfDay(ZONE).plusHours(2).toInstant().toEpochMilli();
    private static final InstanceKey CURRENT = new InstanceKey(5, LocalDate.of(2026, 12, 2), 1);
    private static final InstanceKey PREVIOUS = new InstanceKey(5, LocalDate.of(2026, 12, 1), 1);

    private final FakeDataWorksApi api = new FakeDataWorksApi();

    @Test
    void emitsStatusRunAndTopicOnceThenOnlyChanges() throws Exception {
        api.setNow(NOW);
        api.status(CURRENT, status("DANGEROUS", false));
        api.status(PREVIOUS, status("SAFE", true));
        api.keyPath(CURRENT, List.of(node("RUNNING", 1)));

        try (BaselineSourceReader reader = reader()) {
            reader.addSplits(List.of(BaselineSplit.fresh(5, new int[] {1})));
            RecordingReaderOutput<BaselineEvent> output = new RecordingReaderOutput<>();
            List<BaselineEvent> first = pollUntil(reader, 4, output);
            assertThat(first).extracting(e -> e.type + "@" + e.bizdate).containsExactlyInAnyOrder(
                    "STATUS@2026-12-01", "RUN@2026-12-02", "TOPIC@2026-12-02", "STATUS@2026-12-02");
            assertThat(first).allSatisfy(e -> assertThat(e.observedAt).isEqualTo(NOW));
            assertThat(output.timestamps).containsOnly(NOW);

            // Rounds advance the watermark to DataWorks time even when nothing changes.
            api.setNow(NOW + 60_000);
            pollFor(reader, Duration.ofMillis(200), output);
            // The end of a round is DataWorks time: the last answer's, moved on by the wall time since.
            assertThat(output.watermarks).isSorted().anyMatch(w -> w >= NOW - 1 && w < NOW + 1000)
                    .anyMatch(w -> w >= NOW + 60_000 - 1 && w < NOW + 61_000);

            // Nothing changed: the next rounds emit nothing, and the finished instance is not polled again.
            assertThat(pollFor(reader, Duration.ofMillis(300))).isEmpty();
            assertThat(api.statusCalls(CURRENT) + api.listCalls(CURRENT.bizdate())).isGreaterThan(3);
            int previousCalls = api.statusCalls(PREVIOUS) + api.listCalls(PREVIOUS.bizdate());
            assertThat(pollFor(reader, Duration.ofMillis(300))).isEmpty();
            assertThat(api.statusCalls(PREVIOUS) + api.listCalls(PREVIOUS.bizdate())).isEqualTo(previousCalls);

            // Checkpoint, then a restored reader emits only what changed since.
            List<BaselineSplit> checkpoint = reader.snapshotState(1);
            api.keyPath(CURRENT, List.of(node("SUCCESS", 1)));
            try (BaselineSourceReader restored = reader()) {
                restored.addSplits(checkpoint);
                List<BaselineEvent> changes = pollUntil(restored, 1);
                assertThat(changes).singleElement().satisfies(e -> {
                    assertThat(e.type).isEqualTo(EventType.RUN);
                    assertThat(e.run.runStatus).isEqualTo("SUCCESS");
                });
            }
        }
    }

    @Test
    void aBaselineWithoutPermissionDoesNotStopTheOthers() throws Exception {
        api.setNow(NOW);
        api.failBaseline(6, new DataWorksException(ErrorClass.PER_BASELINE, 500,
                "Forbidden.Wkbench.BaselineNoPermission", "no permission", "r1"));
        api.status(CURRENT, status("SAFE", false));
        try (BaselineSourceReader reader = reader()) {
            reader.addSplits(List.of(BaselineSplit.fresh(6, new int[] {1}), BaselineSplit.fresh(5, new int[] {1})));
            List<BaselineEvent> events = pollUntil(reader, 1);
            assertThat(events).extracting(e -> e.baselineId).containsExactly(5L);
        }
    }

    @Test
    void aFatalErrorFailsTheReaderWithAMessageThatSaysWhatToFix() throws Exception {
        api.setNow(NOW);
        api.failBaseline(5, new DataWorksException(ErrorClass.FATAL, 403, "Forbidden.Access",
                "this edition has no API access", "r2"));
        try (BaselineSourceReader reader = reader()) {
            reader.addSplits(List.of(BaselineSplit.fresh(5, new int[] {1})));
            assertThatThrownBy(() -> pollFor(reader, Duration.ofSeconds(5)))
                    .hasStackTraceContaining("Forbidden.Access")
                    .hasStackTraceContaining("fix the configuration or account");
        }
    }

    @ParameterizedTest(name = "JVM zone {0}")
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York"})
    void businessDatesRollAtMidnightInTheProjectsZoneWhateverTheJvmZone(String jvmZone) throws Exception {
        TimeZone jvm = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        try {
            InstanceKey dec2 = new InstanceKey(5, LocalDate.of(2026, 12, 2), 1);
            InstanceKey dec3 = new InstanceKey(5, LocalDate.of(2026, 12, 3), 1);
            InstanceKey dec1 = new InstanceKey(5, LocalDate.of(2026, 12, 1), 1);
            long beforeMidnight = LocalDate.of(2026, 12, 3).atTime(23, 59, 30).atZone(ZONE).toInstant().toEpochMilli();
            long afterMidnight = beforeMidnight + 60_000;
            api.setNow(beforeMidnight);
            api.status(dec2, status("SAFE", false));
            api.status(dec3, status("SAFE", false));
            try (BaselineSourceReader reader = reader()) {
                // One output for the whole test: the reader keeps the split's output it was first given.
                RecordingReaderOutput<BaselineEvent> output = new RecordingReaderOutput<>();
                reader.addSplits(List.of(BaselineSplit.fresh(5, new int[] {1})));
                assertThat(statuses(pollUntilStatuses(reader, 1, output))).containsExactly("2026-12-02");
                pollFor(reader, Duration.ofMillis(200), output);
                assertThat(api.statusCalls(dec3) + api.listCalls(dec3.bizdate())).as("tomorrow's bizdate is not live yet").isZero();
                assertThat(api.statusCalls(dec1) + api.listCalls(dec1.bizdate())).as("yesterday's is").isPositive();

                // 00:00:30 +08:00: 2026-12-03 becomes today's business date, 2026-12-01 rolls out of the watch.
                api.setNow(afterMidnight);
                assertThat(statuses(pollUntilStatuses(reader, 2, output))).containsExactly("2026-12-02", "2026-12-03");
                int dec1Calls = api.statusCalls(dec1) + api.listCalls(dec1.bizdate());
                pollFor(reader, Duration.ofMillis(200), output);
                assertThat(api.statusCalls(dec1) + api.listCalls(dec1.bizdate())).as("rolled out of the watch").isEqualTo(dec1Calls);
                assertThat(statuses(output.records)).hasSize(2);
                assertThat(reader.snapshotState(1)).singleElement()
                        .satisfies(split -> assertThat(split.instances().keySet()).containsExactlyInAnyOrder(dec2, dec3));
            }
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    private BaselineSourceReader reader() {
        TestingReaderContext context = new TestingReaderContext();
        PollingOptions options = PollingOptions.every(Duration.ofMillis(50));
        CoordinatorLink link = CoordinatorLink.standalone(options.budget());
        return new BaselineSourceReader(
                () -> new BaselineSplitReader(api, ZONE, options, UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 1, link),
                new Configuration(), context, link);
    }

    private static List<BaselineEvent> pollUntil(BaselineSourceReader reader, int count) throws Exception {
        return pollUntil(reader, count, new RecordingReaderOutput<>());
    }

    private static List<BaselineEvent> pollUntil(BaselineSourceReader reader, int count, RecordingReaderOutput<BaselineEvent> output)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (output.records.size() < count && System.nanoTime() < deadline) {
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get();
            }
        }
        return new ArrayList<>(output.records);
    }

    private static List<BaselineEvent> pollUntilStatuses(BaselineSourceReader reader, int count, RecordingReaderOutput<BaselineEvent> output)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (statuses(output.records).size() < count && System.nanoTime() < deadline) {
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get();
            }
        }
        return new ArrayList<>(output.records);
    }

    /** The business dates of the STATUS events, in order. */
    private static List<String> statuses(List<BaselineEvent> events) {
        return events.stream().filter(e -> e.type == EventType.STATUS).map(e -> e.bizdate).toList();
    }

    private static List<BaselineEvent> pollFor(BaselineSourceReader reader, Duration duration) throws Exception {
        return pollFor(reader, duration, new RecordingReaderOutput<>());
    }

    private static List<BaselineEvent> pollFor(BaselineSourceReader reader, Duration duration, RecordingReaderOutput<BaselineEvent> output)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return new ArrayList<>(output.records);
    }

    private static BaselineStatus status(String status, boolean finished) {
        return new BaselineStatus(5L, "orders\n", null, 1, "9527", 8, 10L, NOW + 3_600_000, NOW + 1_800_000, NOW + 2_000_000,
                -200.0, status, finished ? "FINISH" : "UNFINISH", finished ? NOW - 1000 : null, null, null);
    }

    private static KeyPathNode node(String runStatus, long instanceId) {
        NodeRun run = new NodeRun(runStatus, null, NOW - 600_000, NOW - 500_000, NOW - 400_000,
                "SUCCESS".equals(runStatus) ? NOW : null, NOW - 400_000, NOW + 100_000, NOW + 100_000);
        return new KeyPathNode("9527", "ods_orders", 100L, instanceId, 10L, null, 1, 10, List.of(run),
                List.of(new NodeTopic(77L, "ods_orders变慢", instanceId, NOW - 1000)));
    }
}
