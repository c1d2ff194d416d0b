package dev.baselinewatch.source.reader;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.simulator.CallCounter.Call;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.SplitReaderDriver;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** The budget as the simulator counts it: never more calls in a second than the rate, never more in a day than the quota. */
class CallBudgetHttpTest {

    @Test
    void theReaderNeverExceedsTheRateOrTheDailyQuota() throws Exception {
        StringBuilder yaml = new StringBuilder("clock: { runDay: 2026-12-03, start: \"03:00\", speed: 1 }\nbaselines:\n");
        List<BaselineSplit> splits = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            yaml.append("  - { id: ").append(id).append(", committedTime: \"04:00\", nodes: [ { plannedStart: \"02:00\", expectedDuration: 3h } ] }\n");
            splits.add(BaselineSplit.fresh(id, new int[] {1}));
        }
        // Two readers share 8 calls/s and 40 a day: this one may make 4 a second and 20 today.
        PollingOptions options = PollingOptions.every(Duration.ofMillis(10)).withBudget(new CallBudget(8, 40));
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse(yaml.toString(), "budget"), 0)) {
            DataWorksHttpClient client = SimulatorClients.client(simulator.endpoint(), Duration.ofSeconds(2));
            BaselineSplitReader reader = new BaselineSplitReader(client, ZoneOffset.ofHours(8), options,
                    UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 2);
            reader.handleSplitsChanges(new SplitsAddition<>(splits));
            long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
            // Once the share is spent the fetcher waits for tomorrow; Flink would wake it to shut down, so does this test.
            ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor();
            waker.scheduleAtFixedRate(() -> {
                if (System.nanoTime() > deadline) {
                    reader.wakeUp();
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            while (System.nanoTime() < deadline) {
                SplitReaderDriver.fetchOnce(reader);
            }
            waker.shutdownNow();
            reader.close();

            List<Call> calls = simulator.calls().log();
            // A round lists each business date's statuses and asks the key path of the 6 late instances. 20 calls a
            // day do not last until midnight at that pace, so the reader spaces its rounds out instead of spending them now.
            assertThat(calls).hasSizeBetween(8, 20).anyMatch(c -> c.action().equals("ListBaselineStatuses"));
            assertThat(calls.get(calls.size() - 1).wallNanos()).isLessThan(deadline - Duration.ofSeconds(2).toNanos());
            for (int i = 0; i + 4 < calls.size(); i++) {
                // Five calls never fit in one second (a few ms of slack for the loopback hop).
                assertThat(calls.get(i + 4).wallNanos() - calls.get(i).wallNanos()).isGreaterThan(990_000_000L);
            }
        }
    }
}
