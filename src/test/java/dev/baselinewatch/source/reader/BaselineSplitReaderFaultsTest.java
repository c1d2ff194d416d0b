package dev.baselinewatch.source.reader;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.simulator.CallCounter.Call;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.coordination.CallsPaused;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.SplitReaderDriver;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader against the simulator over real, signed HTTP, one injected fault class at a time:
 * what it retries, how long it slows down, what it reports and what fails the job.
 */
class BaselineSplitReaderFaultsTest {

    private static final String SCENARIO = """
            timeZone: "+08:00"
            clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
            baselines:
              - { id: 5, name: orders, committedTime: "04:00", nodes: [ { name: a, plannedStart: "02:00", expectedDuration: 3h } ] }
              - { id: 6, name: secret_project, committedTime: "04:00", nodes: [ { name: b, plannedStart: "02:00", expectedDuration: 3h } ] }
              - { id: 7, name: slow_one, committedTime: "04:00", alertMargin: 30m,
                  nodes: [ { name: c, plannedStart: "02:00", expectedDuration: 3h } ] }
            faults:
            """;
    // Baselines 5 and 6 run late, so each round asks for their key path. With both watched, their statuses
    // come from one ListBaselineStatuses call per business date; with one, from GetBaselineStatus.

    /** Backoff starts at 200 ms: with equal jitter the first wait is 100..200 ms, the second 200..400 ms. */
    private static final PollingOptions OPTIONS =
            new PollingOptions(Duration.ofMillis(100), 3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(1500), CallBudget.UNLIMITED);

    private DataWorksSimulator simulator;
    private BaselineSplitReader reader;

    @AfterEach
    void stop() throws Exception {
        if (reader != null) {
            reader.close();
        }
        simulator.close();
    }

    @Test
    void transientErrorsAreRetriedWithGrowingBackoffAndThePollSucceeds() throws Exception {
        start("  - { kind: INTERNAL_ERROR, actions: [GetBaselineStatus], baselines: [5], count: 2 }", 5);

        List<BaselineEvent> events = fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        assertThat(events).anyMatch(e -> e.baselineId == 5 && e.type == EventType.STATUS && e.status.baselineName.equals("orders"));
        List<Call> calls = calls(5);
        assertThat(calls.subList(0, 3)).extracting(Call::outcome).containsExactly("InternalError.System", "InternalError.System", "OK");
        assertThat(millisBetween(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(100);
        assertThat(millisBetween(calls.get(1), calls.get(2))).isGreaterThanOrEqualTo(200);
        // Each retry was signed afresh: the simulator refuses a nonce it has seen.
        assertThat(simulator.calls().answers("SignatureNonceUsed")).isZero();
    }

    @Test
    void aSlowAnswerWithinTheReadTimeoutIsWaitedFor() throws Exception {
        start("  - { kind: SLOW, baselines: [5], count: 1, delay: 300ms }", 5);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        assertThat(calls(5)).extracting(Call::outcome).startsWith("OK+SLOW");
    }

    @Test
    void throttlingWithRateLimitHeadersPausesEveryCallForTheTimeLeft() throws Exception {
        start("  - { kind: THROTTLE, count: 1, rateLimitHeader: true, timeLeft: 1500ms }", 5, 6);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        List<Call> all = simulator.calls().log();
        int throttled = indexOf(all, "Throttling.User");
        assertThat(throttled).isNotNegative();
        // The next call, for any baseline, waited the whole TimeLeft.
        assertThat(millisBetween(all.get(throttled), all.get(throttled + 1))).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void throttlingAnsweredAsHttp400WithoutHeadersBacksOff() throws Exception {
        start("  - { kind: THROTTLE_400, baselines: [5], count: 1 }", 5);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        List<Call> all = simulator.calls().log();
        int throttled = indexOf(all, "Throttling.Api");
        assertThat(millisBetween(all.get(throttled), all.get(throttled + 1))).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aPauseAnnouncedByTheEnumeratorStopsThisReadersCallsToo() throws Exception {
        CoordinatorLink link = CoordinatorLink.toEnumerator();
        simulator = DataWorksSimulator.start(ScenarioLoader.parse(SCENARIO, "test"), 0);
        reader = new BaselineSplitReader(SimulatorClients.client(simulator.endpoint(), Duration.ofMillis(500)), ZoneOffset.ofHours(8),
                OPTIONS, UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 2, link);
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(BaselineSplit.fresh(5, new int[] {1}))));
        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        // Another reader was throttled for 1.5 s: the enumerator passes it on.
        link.received(new CallsPaused(System.currentTimeMillis() + 1500, "THROTTLED"));
        long pausedAt = System.nanoTime();
        int before = simulator.calls().log().size();
        fetchFor(Duration.ofMillis(1200));
        assertThat(simulator.calls().log()).as("no call while paused").hasSize(before);
        fetchFor(Duration.ofMillis(800));
        List<Call> after = simulator.calls().log().subList(before, simulator.calls().log().size());
        assertThat(after).as("calls again once the pause is over").isNotEmpty()
                .allMatch(c -> c.wallNanos() - pausedAt >= 1_400_000_000L);
    }

    @Test
    void aSpentDailyQuotaStopsCallsUntilTheNextProbe() throws Exception {
        start("  - { kind: DAILY_CAP, count: 1 }", 5, 6);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        List<Call> all = simulator.calls().log();
        int capped = indexOf(all, "Throttling.Api.Risk");
        assertThat(millisBetween(all.get(capped), all.get(capped + 1))).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void aBaselineWithoutPermissionIsPolledRarelyWhileTheOthersGoOn() throws Exception {
        start("  - { kind: NO_PERMISSION, actions: [GetBaselineKeyPath], baselines: [6] }", 5, 6);

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(1500));

        assertThat(events).noneMatch(e -> e.baselineId == 6 && e.type == EventType.RUN);
        assertThat(events).anyMatch(e -> e.baselineId == 5 && e.type == EventType.RUN);
        // Today's instance of 6: refused once, then tried again only after ten poll intervals (1 s).
        assertThat(calls(6)).filteredOn(c -> c.action().equals("GetBaselineKeyPath"))
                .hasSizeLessThanOrEqualTo(2).allMatch(c -> c.outcome().equals("Forbidden.Wkbench.BaselineNoPermission"));
        assertThat(calls(5)).hasSizeGreaterThan(5);
    }

    @Test
    void dataWorksTimeMovesOnForABaselineThatCannotBeReadSoDeadlinesStillPass() throws Exception {
        start("  - { kind: NO_PERMISSION, baselines: [6] }", 6);

        Map<String, List<Long>> rounds = SplitReaderDriver.roundTimes(reader, Duration.ofMillis(1500));

        // Only refusals for baseline 6, yet its split keeps ending rounds at a DataWorks time that grows.
        assertThat(calls(6)).isNotEmpty().allMatch(c -> c.outcome().equals("Forbidden.Wkbench.BaselineNoPermission"));
        assertThat(rounds.get(BaselineSplit.splitIdOf(6))).hasSizeGreaterThan(5).isSorted();
        List<Long> times = rounds.get(BaselineSplit.splitIdOf(6));
        assertThat(times.get(times.size() - 1)).isGreaterThan(times.get(0));
    }

    @Test
    void whileTheDailyQuotaIsSpentNoCallsAreMadeButTimeStillMovesOn() throws Exception {
        start("  - { kind: DAILY_CAP, count: 1 }", 5, 6);

        Map<String, List<Long>> rounds = SplitReaderDriver.roundTimes(reader, Duration.ofMillis(1200));

        List<Call> all = simulator.calls().log();
        assertThat(all).hasSize(1).allMatch(c -> c.outcome().equals("Throttling.Api.Risk"));
        for (long id : new long[] {5, 6}) {
            List<Long> times = rounds.get(BaselineSplit.splitIdOf(id));
            assertThat(times).as("rounds of " + id).hasSizeGreaterThan(5).isSorted();
            assertThat(times.get(times.size() - 1)).isGreaterThan(times.get(0));
        }
    }

    @Test
    void anEditionWithoutApiAccessFailsTheReaderSayingWhatToFix() throws Exception {
        start("  - { kind: FORBIDDEN_ACCESS }", 5);

        assertThatThrownBy(() -> fetchFor(Duration.ofSeconds(2)))
                .isInstanceOf(SuppressRestartsException.class)
                .hasStackTraceContaining("Forbidden.Access")
                .hasStackTraceContaining("fix the configuration or account");
    }

    @Test
    void aCallThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        start("  - { kind: HANG, baselines: [5], count: 1 }", 5);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        assertThat(calls(5)).extracting(Call::outcome).startsWith("HANG", "OK");
    }

    @Test
    void aBadGatewayPageAndAMalformedAnswerAreRetried() throws Exception {
        start("""
                  - { kind: BAD_GATEWAY, baselines: [5], count: 1 }
                  - { kind: MALFORMED, baselines: [5], count: 1 }
                """, 5);

        fetchUntil(e -> e.baselineId == 5 && e.type == EventType.STATUS);

        assertThat(calls(5)).extracting(Call::outcome).startsWith("BadGateway", "OK+MALFORMED", "OK");
    }

    @Test
    void quirkySpellingsInAnswersParseToTheSameEvents() throws Exception {
        start("  - { kind: QUIRKS }", 7);

        List<BaselineEvent> events = fetchUntil(e -> e.baselineId == 7 && e.type == EventType.STATUS);

        // Status DANGROUS on the wire, InGroupId as text, a numeric ErrorCode on a success, a numeric TopicName.
        assertThat(simulator.calls().answers("OK+QUIRKS")).isPositive();
        BaselineEvent status = events.stream().filter(e -> e.type == EventType.STATUS && e.baselineId == 7).findFirst().orElseThrow();
        assertThat(status.status.status).isEqualTo("DANGEROUS");
        assertThat(status.status.baselineName).isEqualTo("slow_one");
        assertThat(events).anyMatch(e -> e.type == EventType.RUN && e.run.nodeName.equals("c"));
    }

    private void start(String faults, long... baselineIds) throws Exception {
        simulator = DataWorksSimulator.start(ScenarioLoader.parse(SCENARIO + faults, "test"), 0);
        DataWorksHttpClient client = SimulatorClients.client(simulator.endpoint(), Duration.ofMillis(500));
        reader = new BaselineSplitReader(client, ZoneOffset.ofHours(8), OPTIONS, UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 1);
        List<BaselineSplit> splits = new ArrayList<>();
        for (long id : baselineIds) {
            splits.add(BaselineSplit.fresh(id, new int[] {1}));
        }
        reader.handleSplitsChanges(new SplitsAddition<>(splits));
    }

    private List<BaselineEvent> fetchUntil(Predicate<BaselineEvent> wanted) throws IOException {
        List<BaselineEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (events.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            events.addAll(fetchOnce());
        }
        assertThat(events).as("events before the deadline").anyMatch(wanted);
        return events;
    }

    private List<BaselineEvent> fetchFor(Duration duration) throws IOException {
        List<BaselineEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            events.addAll(fetchOnce());
        }
        return events;
    }

    private List<BaselineEvent> fetchOnce() throws IOException {
        return SplitReaderDriver.fetchOnce(reader);
    }

    private List<Call> calls(long baselineId) {
        return simulator.calls().log().stream().filter(c -> c.baselineId() != null && c.baselineId() == baselineId).toList();
    }

    private static int indexOf(List<Call> calls, String outcome) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).outcome().equals(outcome)) {
                return i;
            }
        }
        return -1;
    }

    private static long millisBetween(Call first, Call second) {
        return (second.wallNanos() - first.wallNanos()) / 1_000_000;
    }
}
