package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.FakeDataWorksApi;
import dev.baselinewatch.testing.SplitReaderDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.Test;

/** The benchmark's naive poller does what BENCHMARKS.md says it does, call for call. */
class NaiveSplitReaderTest {

    private static final ZoneId ZONE = ZoneId.of("+08:00");
    /** DataWorks time is the host's here: the first call, before any answer, goes by the host's clock. */
    private static final long NOW = System.currentTimeMillis();
    private static final LocalDate CURRENT = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(NOW), ZONE).minusDays(1);
    private static final InstanceKey RUNNING = new InstanceKey(1, CURRENT, 1);
    private static final InstanceKey DONE_YESTERDAY = new InstanceKey(1, CURRENT.minusDays(1), 1);
    private static final InstanceKey WAITING = new InstanceKey(2, CURRENT, 1);
    private static final InstanceKey NO_SUCH = new InstanceKey(2, CURRENT.minusDays(1), 1);

    private final FakeDataWorksApi api = new FakeDataWorksApi();

    @Test
    void asksStatusAndKeyPathOfEveryUnfinishedInstanceEveryRoundAndEmitsOnlyChanges() throws Exception {
        api.setNow(NOW);
        api.status(RUNNING, status(1, false));
        api.keyPath(RUNNING, List.of(node(1001, "RUNNING")));
        api.status(DONE_YESTERDAY, status(1, true));
        api.status(WAITING, status(2, false));
        NaiveSplitReader reader = new NaiveSplitReader(api, ZONE, Duration.ofMillis(20));
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(BaselineSplit.fresh(1, new int[] {1}), BaselineSplit.fresh(2, new int[] {1}))));

        List<String> first = kinds(SplitReaderDriver.fetchOnce(reader));
        // Everything is new once: statuses, the running node, the absence of an instance DataWorks does not have.
        assertThat(first).containsExactlyInAnyOrder(
                "STATUS " + DONE_YESTERDAY, "RUN " + RUNNING, "TOPIC " + RUNNING, "STATUS " + RUNNING, "ABSENT " + NO_SUCH,
                "STATUS " + WAITING);
        for (int round = 2; round <= 4; round++) {
            assertThat(SplitReaderDriver.fetchOnce(reader)).as("round %d: nothing changed", round).isEmpty();
        }

        // Four rounds: the unfinished ones every round, the finished one once (after the clock probe),
        // the missing one once; a key path for every unfinished instance every round.
        assertThat(api.statusCalls(RUNNING)).isEqualTo(4);
        assertThat(api.statusCalls(WAITING)).isEqualTo(4);
        assertThat(api.statusCalls(DONE_YESTERDAY)).isEqualTo(2);
        assertThat(api.statusCalls(NO_SUCH)).isEqualTo(1);
        assertThat(api.keyPathCalls.get()).isEqualTo(8);

        api.status(RUNNING, status(1, true));
        List<String> finished = kinds(SplitReaderDriver.fetchOnce(reader));
        SplitReaderDriver.fetchOnce(reader);

        assertThat(finished).containsExactly("STATUS " + RUNNING);
        assertThat(api.statusCalls(RUNNING)).as("not asked again once finished").isEqualTo(5);
        assertThat(api.keyPathCalls.get()).as("no key path for a finished instance").isEqualTo(8 + 1 + 1);
    }

    @Test
    void endsEverySplitsRoundAtDataWorksTimeSoTheWatermarkMoves() throws Exception {
        api.setNow(NOW);
        api.status(RUNNING, status(1, true));
        api.status(DONE_YESTERDAY, status(1, true));
        NaiveSplitReader reader = new NaiveSplitReader(api, ZONE, Duration.ofMillis(20));
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(BaselineSplit.fresh(1, new int[] {1}))));
        SplitReaderDriver.fetchOnce(reader);
        api.setNow(NOW + 60_000);

        // Every instance finished: no calls at all, and still an end of round at the estimated DataWorks time.
        var rounds = SplitReaderDriver.roundTimes(reader, Duration.ofMillis(100));

        assertThat(rounds.get("baseline-1")).isNotEmpty().allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(NOW));
        assertThat(api.statusCalls(RUNNING)).isEqualTo(1);
    }

    private static List<String> kinds(List<BaselineEvent> events) {
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> kinds.add(e.type + " " + e.instanceKey()));
        return kinds;
    }

    private static BaselineStatus status(long baselineId, boolean finished) {
        return new BaselineStatus(baselineId, "b" + baselineId, null, 1, "9527", 5, 10L, NOW + 3_600_000, NOW + 1_800_000,
                NOW + 2_000_000, 1600.0, "SAFE", finished ? "FINISH" : "UNFINISH", finished ? NOW - 1000 : null, null, null);
    }

    private static KeyPathNode node(long instanceId, String runStatus) {
        NodeRun run = new NodeRun(runStatus, null, NOW - 600_000, NOW - 500_000, NOW - 400_000, null, NOW - 400_000,
                NOW + 100_000, NOW + 100_000);
        return new KeyPathNode("9527", "ods_orders", 100L, instanceId, 10L, null, 1, 10, List.of(run),
                List.of(new dev.baselinewatch.dataworks.model.NodeTopic(77L, "ods_orders变慢", instanceId, NOW - 1000)));
    }
}
